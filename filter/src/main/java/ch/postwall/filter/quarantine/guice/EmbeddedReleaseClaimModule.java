package ch.postwall.filter.quarantine.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

import ch.postwall.filter.quarantine.EmbeddedReleaseClaimStore;
import ch.postwall.filter.quarantine.ReleaseClaimStore;

/** Release claims on the embedded backend; needs the {@code EmbeddedDatabase} it binds. */
public class EmbeddedReleaseClaimModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(EmbeddedReleaseClaimStore.class).in(Scopes.SINGLETON);
        bind(ReleaseClaimStore.class).to(EmbeddedReleaseClaimStore.class);
    }
}
