package ch.postwall.retention.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import ch.postwall.mailbox.lifecycle.WipeStep;

import ch.postwall.retention.contract.ContractStore;
import ch.postwall.retention.contract.EmbeddedContractStore;
import ch.postwall.retention.wipe.EmbeddedLeftoversWipeStep;

/**
 * Needs the {@code EmbeddedDatabase} bound by the embedded backend; adds the wipe of what James's JPA stores keep after
 * the mailbox step.
 */
public class EmbeddedContractModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(EmbeddedContractStore.class).in(Scopes.SINGLETON);
        bind(ContractStore.class).to(EmbeddedContractStore.class);
        Multibinder.newSetBinder(binder(), WipeStep.class).addBinding().to(EmbeddedLeftoversWipeStep.class);
    }
}
