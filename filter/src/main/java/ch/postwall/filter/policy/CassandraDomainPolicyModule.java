package ch.postwall.filter.policy;

import org.apache.james.backends.cassandra.components.CassandraModule;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

/** Needs the distributed assembly's {@code CqlSession}; contributes the table to the Cassandra schema. */
public class CassandraDomainPolicyModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(CassandraDomainPolicyStore.class).in(Scopes.SINGLETON);
        bind(DomainPolicyStore.class).to(CassandraDomainPolicyStore.class);
        Multibinder.newSetBinder(binder(), CassandraModule.class).addBinding().toInstance(CassandraDomainPolicyTable.MODULE);
    }
}
