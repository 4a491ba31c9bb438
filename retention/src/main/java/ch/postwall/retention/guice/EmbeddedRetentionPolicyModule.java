package ch.postwall.retention.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

import ch.postwall.retention.policy.EmbeddedRetentionPolicyStore;
import ch.postwall.retention.policy.RetentionPolicyStore;

/** Needs the {@code EmbeddedDatabase} bound by the embedded backend. */
public class EmbeddedRetentionPolicyModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(EmbeddedRetentionPolicyStore.class).in(Scopes.SINGLETON);
        bind(RetentionPolicyStore.class).to(EmbeddedRetentionPolicyStore.class);
    }
}
