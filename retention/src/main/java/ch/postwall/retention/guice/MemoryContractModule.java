package ch.postwall.retention.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

import ch.postwall.retention.contract.ContractStore;
import ch.postwall.retention.contract.MemoryContractStore;

public class MemoryContractModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(MemoryContractStore.class).in(Scopes.SINGLETON);
        bind(ContractStore.class).to(MemoryContractStore.class);
    }
}
