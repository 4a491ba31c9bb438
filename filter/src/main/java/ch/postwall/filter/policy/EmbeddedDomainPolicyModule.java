package ch.postwall.filter.policy;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

/** Needs the server's {@code EmbeddedDatabase} binding. */
public class EmbeddedDomainPolicyModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(EmbeddedDomainPolicyStore.class).in(Scopes.SINGLETON);
        bind(DomainPolicyStore.class).to(EmbeddedDomainPolicyStore.class);
    }
}
