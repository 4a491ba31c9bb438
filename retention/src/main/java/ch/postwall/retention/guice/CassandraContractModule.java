package ch.postwall.retention.guice;

import org.apache.james.backends.cassandra.components.CassandraModule;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import ch.postwall.mailbox.lifecycle.WipeStep;
import ch.postwall.retention.contract.ContractStore;
import ch.postwall.retention.contract.cassandra.CassandraContractStore;
import ch.postwall.retention.contract.cassandra.CassandraContractTables;
import ch.postwall.retention.wipe.CassandraLeftoversWipeStep;

/**
 * Needs the {@code CqlSession} of the distributed backend; contributes its tables to the Cassandra schema, and the wipe
 * of what James's Cassandra stores keep after the mailbox step.
 */
public class CassandraContractModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(CassandraContractStore.class).in(Scopes.SINGLETON);
        bind(ContractStore.class).to(CassandraContractStore.class);
        Multibinder.newSetBinder(binder(), CassandraModule.class).addBinding().toInstance(CassandraContractTables.MODULE);
        Multibinder.newSetBinder(binder(), WipeStep.class).addBinding().to(CassandraLeftoversWipeStep.class);
    }
}
