package ch.postwall.filter.trace;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.mailbox.embedded.EmbeddedDatabaseExtension;

class EmbeddedMessageTraceStoreTest implements MessageTraceStoreContract {
    @RegisterExtension
    static EmbeddedDatabaseExtension databaseExtension = new EmbeddedDatabaseExtension();

    private EmbeddedMessageTraceStore store;

    @BeforeEach
    void setUp() {
        store = new EmbeddedMessageTraceStore(databaseExtension.database(), CLOCK, CONFIGURATION);
    }

    @Override
    public MessageTraceStore store() {
        return store;
    }
}
