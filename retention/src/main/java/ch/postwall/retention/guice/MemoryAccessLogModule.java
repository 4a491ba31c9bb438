package ch.postwall.retention.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

import ch.postwall.retention.access.AccessLogStore;
import ch.postwall.retention.access.MemoryAccessLogStore;

public class MemoryAccessLogModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new AccessLogPurgeModule());
        bind(MemoryAccessLogStore.class).in(Scopes.SINGLETON);
        bind(AccessLogStore.class).to(MemoryAccessLogStore.class);
    }
}
