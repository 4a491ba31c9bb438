package ch.postwall.server.audit;

import org.junit.jupiter.api.BeforeEach;

class MemoryAuditLogStoreTest implements AuditLogStoreContract {
    private MemoryAuditLogStore store;

    @BeforeEach
    void setUp() {
        store = new MemoryAuditLogStore(CLOCK, CONFIGURATION);
    }

    @Override
    public AuditLogStore store() {
        return store;
    }
}
