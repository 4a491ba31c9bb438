package ch.postwall.filter.protocollog;

import org.junit.jupiter.api.BeforeEach;

class MemoryProtocolLogStoreTest implements ProtocolLogStoreContract {
    private MemoryProtocolLogStore store;

    @BeforeEach
    void setUp() {
        store = new MemoryProtocolLogStore(CLOCK, CONFIGURATION);
    }

    @Override
    public ProtocolLogStore store() {
        return store;
    }
}
