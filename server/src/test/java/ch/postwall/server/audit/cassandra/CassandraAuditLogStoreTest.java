package ch.postwall.server.audit.cassandra;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.mailbox.cassandra.CassandraExtension;
import ch.postwall.server.audit.AuditLogStore;
import ch.postwall.server.audit.AuditLogStoreContract;

class CassandraAuditLogStoreTest implements AuditLogStoreContract {
    @RegisterExtension
    static CassandraExtension cassandra = new CassandraExtension(CassandraAuditLogTables.MODULE);

    private CassandraAuditLogStore store;

    @BeforeEach
    void setUp() {
        store = new CassandraAuditLogStore(cassandra.session(), CLOCK, CONFIGURATION);
    }

    @Override
    public AuditLogStore store() {
        return store;
    }
}
