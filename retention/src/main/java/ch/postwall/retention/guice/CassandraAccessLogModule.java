package ch.postwall.retention.guice;

import org.apache.james.backends.cassandra.components.CassandraModule;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import ch.postwall.retention.access.AccessLogStore;
import ch.postwall.retention.access.cassandra.CassandraAccessLogStore;
import ch.postwall.retention.access.cassandra.CassandraAccessLogTables;

/** Needs the {@code CqlSession} of the distributed backend; no purger: rows expire by their TTL. */
public class CassandraAccessLogModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(CassandraAccessLogStore.class).in(Scopes.SINGLETON);
        bind(AccessLogStore.class).to(CassandraAccessLogStore.class);
        Multibinder.newSetBinder(binder(), CassandraModule.class).addBinding().toInstance(CassandraAccessLogTables.MODULE);
    }
}
