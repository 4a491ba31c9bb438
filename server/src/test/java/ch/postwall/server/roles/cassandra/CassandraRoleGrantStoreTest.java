package ch.postwall.server.roles.cassandra;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.mailbox.cassandra.CassandraExtension;
import ch.postwall.server.roles.RoleGrantStore;
import ch.postwall.server.roles.RoleGrantStoreContract;

class CassandraRoleGrantStoreTest implements RoleGrantStoreContract {
    @RegisterExtension
    static CassandraExtension cassandra = new CassandraExtension(CassandraRoleGrantTables.MODULE);

    private CassandraRoleGrantStore store;

    @BeforeEach
    void setUp() {
        store = new CassandraRoleGrantStore(cassandra.session(), CLOCK);
    }

    @Override
    public RoleGrantStore store() {
        return store;
    }
}
