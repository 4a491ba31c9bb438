package ch.postwall.filter.trace;

import org.junit.jupiter.api.BeforeEach;

class MemoryMessageTraceStoreTest implements MessageTraceStoreContract {
    private MemoryMessageTraceStore store;

    @BeforeEach
    void setUp() {
        store = new MemoryMessageTraceStore(CLOCK, CONFIGURATION);
    }

    @Override
    public MessageTraceStore store() {
        return store;
    }
}
