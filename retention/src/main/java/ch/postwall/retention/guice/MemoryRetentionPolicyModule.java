package ch.postwall.retention.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

import ch.postwall.retention.policy.MemoryRetentionPolicyStore;
import ch.postwall.retention.policy.RetentionPolicyStore;

public class MemoryRetentionPolicyModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(MemoryRetentionPolicyStore.class).in(Scopes.SINGLETON);
        bind(RetentionPolicyStore.class).to(MemoryRetentionPolicyStore.class);
    }
}
