package ch.postwall.retention.access.cassandra;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.mailbox.cassandra.CassandraExtension;
import ch.postwall.retention.access.AccessLogStore;
import ch.postwall.retention.access.AccessLogStoreContract;

/** Expiry is the rows' TTL, which a test cannot wait for: the purge contract does not apply. */
class CassandraAccessLogStoreTest implements AccessLogStoreContract {
    @RegisterExtension
    static CassandraExtension cassandra = new CassandraExtension(CassandraAccessLogTables.MODULE);

    private CassandraAccessLogStore store;

    @BeforeEach
    void setUp() {
        store = new CassandraAccessLogStore(cassandra.session(), CLOCK, CONFIGURATION);
    }

    @Override
    public AccessLogStore store() {
        return store;
    }
}
