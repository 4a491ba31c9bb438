package ch.postwall.filter.policy;

import org.junit.jupiter.api.BeforeEach;

class MemoryDomainPolicyStoreTest implements DomainPolicyStoreContract {
    private MemoryDomainPolicyStore store;

    @BeforeEach
    void setUp() {
        store = new MemoryDomainPolicyStore();
    }

    @Override
    public DomainPolicyStore store() {
        return store;
    }
}
