package ch.postwall.mailbox.events;

import org.apache.james.events.EventDeadLetters;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

/** Event dead letters in the embedded database. Needs the {@code EmbeddedDatabase} and James's {@code EventSerializer}. */
public class EmbeddedDeadLettersModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(EmbeddedDeadLettersDAO.class).in(Scopes.SINGLETON);
        bind(DeadLettersDAO.class).to(EmbeddedDeadLettersDAO.class);
        bind(PersistentEventDeadLetters.class).in(Scopes.SINGLETON);
        bind(EventDeadLetters.class).to(PersistentEventDeadLetters.class);
    }
}
