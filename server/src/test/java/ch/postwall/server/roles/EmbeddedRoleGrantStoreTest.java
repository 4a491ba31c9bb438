package ch.postwall.server.roles;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.mailbox.embedded.EmbeddedDatabaseExtension;

class EmbeddedRoleGrantStoreTest implements RoleGrantStoreContract {
    @RegisterExtension
    static EmbeddedDatabaseExtension databaseExtension = new EmbeddedDatabaseExtension();

    private EmbeddedRoleGrantStore store;

    @BeforeEach
    void setUp() {
        store = new EmbeddedRoleGrantStore(databaseExtension.database(), CLOCK);
    }

    @Override
    public RoleGrantStore store() {
        return store;
    }
}
