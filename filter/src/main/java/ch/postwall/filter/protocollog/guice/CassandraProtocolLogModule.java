package ch.postwall.filter.protocollog.guice;

import org.apache.james.backends.cassandra.components.CassandraModule;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import ch.postwall.filter.protocollog.ProtocolLogStore;
import ch.postwall.filter.protocollog.cassandra.CassandraProtocolLogStore;
import ch.postwall.filter.protocollog.cassandra.CassandraProtocolLogTables;

/**
 * Needs the {@code CqlSession} of the distributed backend; contributes its tables to the Cassandra schema.
 * No purger: rows expire by their TTL.
 */
public class CassandraProtocolLogModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(CassandraProtocolLogStore.class).in(Scopes.SINGLETON);
        bind(ProtocolLogStore.class).to(CassandraProtocolLogStore.class);
        Multibinder.newSetBinder(binder(), CassandraModule.class).addBinding().toInstance(CassandraProtocolLogTables.MODULE);
    }
}
