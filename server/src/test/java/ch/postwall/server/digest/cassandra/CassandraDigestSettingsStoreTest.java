package ch.postwall.server.digest.cassandra;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.mailbox.cassandra.CassandraExtension;
import ch.postwall.server.digest.DigestSettingsStore;
import ch.postwall.server.digest.DigestSettingsStoreContract;

class CassandraDigestSettingsStoreTest implements DigestSettingsStoreContract {
    @RegisterExtension
    static CassandraExtension cassandra = new CassandraExtension(CassandraDigestSettingsTable.MODULE);

    private CassandraDigestSettingsStore store;

    @BeforeEach
    void setUp() {
        store = new CassandraDigestSettingsStore(cassandra.session());
    }

    @Override
    public DigestSettingsStore store() {
        return store;
    }
}
