package ch.postwall.filter.trace.guice;

import org.apache.james.backends.cassandra.components.CassandraModule;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import ch.postwall.filter.trace.MessageTraceStore;
import ch.postwall.filter.trace.cassandra.CassandraMessageTraceStore;
import ch.postwall.filter.trace.cassandra.CassandraMessageTraceTables;

/**
 * Needs the {@code CqlSession} of the distributed backend; contributes its tables to the Cassandra schema.
 * No purger: rows expire by their TTL.
 */
public class CassandraMessageTraceModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(CassandraMessageTraceStore.class).in(Scopes.SINGLETON);
        bind(MessageTraceStore.class).to(CassandraMessageTraceStore.class);
        Multibinder.newSetBinder(binder(), CassandraModule.class).addBinding().toInstance(CassandraMessageTraceTables.MODULE);
    }
}
