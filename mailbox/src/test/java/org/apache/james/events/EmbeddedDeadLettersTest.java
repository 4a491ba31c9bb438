package org.apache.james.events;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.mailbox.embedded.EmbeddedDatabaseExtension;
import ch.postwall.mailbox.events.EmbeddedDeadLettersDAO;
import ch.postwall.mailbox.events.PersistentEventDeadLetters;

/** In James's package because its dead letters contract is package-private. */
class EmbeddedDeadLettersTest implements EventDeadLettersContract.AllContracts {
    @RegisterExtension
    EmbeddedDatabaseExtension database = new EmbeddedDatabaseExtension();

    private EventDeadLetters deadLetters;

    @BeforeEach
    void setUp() {
        deadLetters = new PersistentEventDeadLetters(new EmbeddedDeadLettersDAO(database.database()),
            new EventBusTestFixture.TestEventSerializer());
    }

    @Override
    public EventDeadLetters eventDeadLetters() {
        return deadLetters;
    }
}
