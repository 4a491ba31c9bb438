package ch.postwall.retention.policy;

import org.junit.jupiter.api.BeforeEach;

class MemoryRetentionPolicyStoreTest implements RetentionPolicyStoreContract {
    private MemoryRetentionPolicyStore store;

    @BeforeEach
    void setUp() {
        store = new MemoryRetentionPolicyStore();
    }

    @Override
    public RetentionPolicyStore store() {
        return store;
    }
}
