package ch.postwall.filter.protocollog.cassandra;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.filter.protocollog.ProtocolLogStore;
import ch.postwall.filter.protocollog.ProtocolLogStoreContract;
import ch.postwall.mailbox.cassandra.CassandraExtension;

class CassandraProtocolLogStoreTest implements ProtocolLogStoreContract {
    @RegisterExtension
    static CassandraExtension cassandra = new CassandraExtension(CassandraProtocolLogTables.MODULE);

    private CassandraProtocolLogStore store;

    @BeforeEach
    void setUp() {
        store = new CassandraProtocolLogStore(cassandra.session(), CLOCK, CONFIGURATION);
    }

    @Override
    public ProtocolLogStore store() {
        return store;
    }
}
