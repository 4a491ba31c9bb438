package ch.postwall.filter.quarantine.cassandra;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.filter.quarantine.ReleaseClaimStore;
import ch.postwall.filter.quarantine.ReleaseClaimStoreContract;
import ch.postwall.mailbox.cassandra.CassandraExtension;

class CassandraReleaseClaimStoreTest implements ReleaseClaimStoreContract {
    @RegisterExtension
    static CassandraExtension cassandra = new CassandraExtension(CassandraReleaseClaimTable.MODULE);

    private CassandraReleaseClaimStore store;

    @BeforeEach
    void setUp() {
        store = new CassandraReleaseClaimStore(cassandra.session(), CLOCK);
    }

    @Override
    public ReleaseClaimStore store() {
        return store;
    }
}
