package ch.postwall.filter.protocollog;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.mailbox.embedded.EmbeddedDatabaseExtension;

class EmbeddedProtocolLogStoreTest implements ProtocolLogStoreContract {
    @RegisterExtension
    static EmbeddedDatabaseExtension databaseExtension = new EmbeddedDatabaseExtension();

    private EmbeddedProtocolLogStore store;

    @BeforeEach
    void setUp() {
        store = new EmbeddedProtocolLogStore(databaseExtension.database(), CLOCK, CONFIGURATION);
    }

    @Override
    public ProtocolLogStore store() {
        return store;
    }
}
