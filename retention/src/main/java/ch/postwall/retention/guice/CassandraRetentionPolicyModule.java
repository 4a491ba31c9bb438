package ch.postwall.retention.guice;

import org.apache.james.backends.cassandra.components.CassandraModule;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import ch.postwall.retention.policy.RetentionPolicyStore;
import ch.postwall.retention.policy.cassandra.CassandraRetentionPolicyStore;
import ch.postwall.retention.policy.cassandra.CassandraRetentionPolicyTables;

/** Needs the {@code CqlSession} of the distributed backend; contributes its tables to the Cassandra schema. */
public class CassandraRetentionPolicyModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(CassandraRetentionPolicyStore.class).in(Scopes.SINGLETON);
        bind(RetentionPolicyStore.class).to(CassandraRetentionPolicyStore.class);
        Multibinder.newSetBinder(binder(), CassandraModule.class).addBinding().toInstance(CassandraRetentionPolicyTables.MODULE);
    }
}
