package ch.postwall.filter.protocollog.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

import ch.postwall.filter.protocollog.EmbeddedProtocolLogStore;
import ch.postwall.filter.protocollog.ProtocolLogStore;

/** Needs the {@code EmbeddedDatabase} bound by the embedded backend. */
public class EmbeddedProtocolLogModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new ProtocolLogPurgeModule());
        bind(EmbeddedProtocolLogStore.class).in(Scopes.SINGLETON);
        bind(ProtocolLogStore.class).to(EmbeddedProtocolLogStore.class);
    }
}
