package ch.postwall.filter.protocollog.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

import ch.postwall.filter.protocollog.MemoryProtocolLogStore;
import ch.postwall.filter.protocollog.ProtocolLogStore;

public class MemoryProtocolLogModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new ProtocolLogPurgeModule());
        bind(MemoryProtocolLogStore.class).in(Scopes.SINGLETON);
        bind(ProtocolLogStore.class).to(MemoryProtocolLogStore.class);
    }
}
