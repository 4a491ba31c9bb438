package ch.postwall.retention.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

import ch.postwall.retention.access.AccessLogStore;
import ch.postwall.retention.access.EmbeddedAccessLogStore;

/** Needs the {@code EmbeddedDatabase} bound by the embedded backend. */
public class EmbeddedAccessLogModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new AccessLogPurgeModule());
        bind(EmbeddedAccessLogStore.class).in(Scopes.SINGLETON);
        bind(AccessLogStore.class).to(EmbeddedAccessLogStore.class);
    }
}
