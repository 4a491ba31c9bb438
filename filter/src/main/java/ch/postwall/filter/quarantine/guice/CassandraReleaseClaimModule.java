package ch.postwall.filter.quarantine.guice;

import org.apache.james.backends.cassandra.components.CassandraModule;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import ch.postwall.filter.quarantine.ReleaseClaimStore;
import ch.postwall.filter.quarantine.cassandra.CassandraReleaseClaimStore;
import ch.postwall.filter.quarantine.cassandra.CassandraReleaseClaimTable;

/** Release claims shared by the nodes of the distributed backend; needs its {@code CqlSession}. */
public class CassandraReleaseClaimModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(CassandraReleaseClaimStore.class).in(Scopes.SINGLETON);
        bind(ReleaseClaimStore.class).to(CassandraReleaseClaimStore.class);
        Multibinder.newSetBinder(binder(), CassandraModule.class).addBinding().toInstance(CassandraReleaseClaimTable.MODULE);
    }
}
