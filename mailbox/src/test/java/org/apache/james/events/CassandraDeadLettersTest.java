package org.apache.james.events;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.mailbox.cassandra.CassandraExtension;
import ch.postwall.mailbox.events.CassandraDeadLettersDAO;
import ch.postwall.mailbox.events.PersistentEventDeadLetters;

/** In James's package because its dead letters contract is package-private. */
class CassandraDeadLettersTest implements EventDeadLettersContract.AllContracts {
    @RegisterExtension
    static CassandraExtension cassandra = new CassandraExtension(CassandraDeadLettersDAO.MODULE);

    private EventDeadLetters deadLetters;

    @BeforeEach
    void setUp() {
        deadLetters = new PersistentEventDeadLetters(new CassandraDeadLettersDAO(cassandra.session()),
            new EventBusTestFixture.TestEventSerializer());
    }

    @Override
    public EventDeadLetters eventDeadLetters() {
        return deadLetters;
    }
}
