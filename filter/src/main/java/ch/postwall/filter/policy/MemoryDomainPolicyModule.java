package ch.postwall.filter.policy;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

public class MemoryDomainPolicyModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(MemoryDomainPolicyStore.class).in(Scopes.SINGLETON);
        bind(DomainPolicyStore.class).to(MemoryDomainPolicyStore.class);
    }
}
