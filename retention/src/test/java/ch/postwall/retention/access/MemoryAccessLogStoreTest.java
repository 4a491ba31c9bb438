package ch.postwall.retention.access;

import org.junit.jupiter.api.BeforeEach;

class MemoryAccessLogStoreTest implements AccessLogStoreContract.PurgeContract {
    private MemoryAccessLogStore store;

    @BeforeEach
    void setUp() {
        store = new MemoryAccessLogStore(CLOCK, CONFIGURATION);
    }

    @Override
    public AccessLogStore store() {
        return store;
    }
}
