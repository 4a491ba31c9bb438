package ch.postwall.mailbox.events;

import org.apache.james.backends.cassandra.components.CassandraModule;
import org.apache.james.events.EventDeadLetters;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

/** Event dead letters on Cassandra, shared by the nodes. Needs the {@code CqlSession} and James's {@code EventSerializer}. */
public class CassandraDeadLettersModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(CassandraDeadLettersDAO.class).in(Scopes.SINGLETON);
        bind(DeadLettersDAO.class).to(CassandraDeadLettersDAO.class);
        bind(PersistentEventDeadLetters.class).in(Scopes.SINGLETON);
        bind(EventDeadLetters.class).to(PersistentEventDeadLetters.class);
        Multibinder.newSetBinder(binder(), CassandraModule.class).addBinding().toInstance(CassandraDeadLettersDAO.MODULE);
    }
}
