package ch.postwall.server.digest.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

import ch.postwall.server.digest.DigestSettingsStore;
import ch.postwall.server.digest.MemoryDigestSettingsStore;

/** Quarantine digest settings on the memory backend. */
public class MemoryDigestSettingsModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(MemoryDigestSettingsStore.class).in(Scopes.SINGLETON);
        bind(DigestSettingsStore.class).to(MemoryDigestSettingsStore.class);
    }
}
