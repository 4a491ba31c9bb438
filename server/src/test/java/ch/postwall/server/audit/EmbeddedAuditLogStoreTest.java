package ch.postwall.server.audit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.mailbox.embedded.EmbeddedDatabaseExtension;

class EmbeddedAuditLogStoreTest implements AuditLogStoreContract {
    @RegisterExtension
    static EmbeddedDatabaseExtension databaseExtension = new EmbeddedDatabaseExtension();

    private EmbeddedAuditLogStore store;

    @BeforeEach
    void setUp() {
        store = new EmbeddedAuditLogStore(databaseExtension.database(), CLOCK, CONFIGURATION);
    }

    @Override
    public AuditLogStore store() {
        return store;
    }
}
