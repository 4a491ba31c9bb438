package ch.postwall.filter.trace.cassandra;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.filter.trace.MessageTraceStore;
import ch.postwall.filter.trace.MessageTraceStoreContract;
import ch.postwall.mailbox.cassandra.CassandraExtension;

class CassandraMessageTraceStoreTest implements MessageTraceStoreContract {
    @RegisterExtension
    static CassandraExtension cassandra = new CassandraExtension(CassandraMessageTraceTables.MODULE);

    private CassandraMessageTraceStore store;

    @BeforeEach
    void setUp() {
        store = new CassandraMessageTraceStore(cassandra.session(), CLOCK, CONFIGURATION);
    }

    @Override
    public MessageTraceStore store() {
        return store;
    }
}
