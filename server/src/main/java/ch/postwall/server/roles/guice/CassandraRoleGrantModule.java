package ch.postwall.server.roles.guice;

import org.apache.james.backends.cassandra.components.CassandraModule;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import ch.postwall.server.roles.RoleGrantStore;
import ch.postwall.server.roles.cassandra.CassandraRoleGrantStore;
import ch.postwall.server.roles.cassandra.CassandraRoleGrantTables;

/**
 * Needs the {@code CqlSession} of the distributed backend; contributes its tables to the Cassandra schema.
 * No purger: support grants expire by their TTL.
 */
public class CassandraRoleGrantModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(CassandraRoleGrantStore.class).in(Scopes.SINGLETON);
        bind(RoleGrantStore.class).to(CassandraRoleGrantStore.class);
        Multibinder.newSetBinder(binder(), CassandraModule.class).addBinding().toInstance(CassandraRoleGrantTables.MODULE);
    }
}
