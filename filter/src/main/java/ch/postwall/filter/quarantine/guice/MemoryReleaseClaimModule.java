package ch.postwall.filter.quarantine.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

import ch.postwall.filter.quarantine.MemoryReleaseClaimStore;
import ch.postwall.filter.quarantine.ReleaseClaimStore;

/** Release claims on the memory backend. */
public class MemoryReleaseClaimModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(MemoryReleaseClaimStore.class).in(Scopes.SINGLETON);
        bind(ReleaseClaimStore.class).to(MemoryReleaseClaimStore.class);
    }
}
