package ch.postwall.retention.access;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.mailbox.embedded.EmbeddedDatabaseExtension;

class EmbeddedAccessLogStoreTest implements AccessLogStoreContract.PurgeContract {
    @RegisterExtension
    static EmbeddedDatabaseExtension databaseExtension = new EmbeddedDatabaseExtension();

    private EmbeddedAccessLogStore store;

    @BeforeEach
    void setUp() {
        store = new EmbeddedAccessLogStore(databaseExtension.database(), CLOCK, CONFIGURATION);
    }

    @Override
    public AccessLogStore store() {
        return store;
    }
}
