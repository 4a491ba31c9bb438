package ch.postwall.server.digest.guice;

import org.apache.james.backends.cassandra.components.CassandraModule;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import ch.postwall.server.digest.DigestSettingsStore;
import ch.postwall.server.digest.cassandra.CassandraDigestSettingsStore;
import ch.postwall.server.digest.cassandra.CassandraDigestSettingsTable;

/** Quarantine digest settings on Cassandra; needs the {@code CqlSession} of the distributed backend. */
public class CassandraDigestSettingsModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(CassandraDigestSettingsStore.class).in(Scopes.SINGLETON);
        bind(DigestSettingsStore.class).to(CassandraDigestSettingsStore.class);
        Multibinder.newSetBinder(binder(), CassandraModule.class).addBinding().toInstance(CassandraDigestSettingsTable.MODULE);
    }
}
