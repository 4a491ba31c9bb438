package ch.postwall.server.digest.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

import ch.postwall.server.digest.DigestSettingsStore;
import ch.postwall.server.digest.EmbeddedDigestSettingsStore;

/** Quarantine digest settings on the embedded backend; needs the {@code EmbeddedDatabase} it binds. */
public class EmbeddedDigestSettingsModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(EmbeddedDigestSettingsStore.class).in(Scopes.SINGLETON);
        bind(DigestSettingsStore.class).to(EmbeddedDigestSettingsStore.class);
    }
}
