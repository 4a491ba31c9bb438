package ch.postwall.filter.trace.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

import ch.postwall.filter.trace.MemoryMessageTraceStore;
import ch.postwall.filter.trace.MessageTraceStore;

public class MemoryMessageTraceModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new MessageTracePurgeModule());
        bind(MemoryMessageTraceStore.class).in(Scopes.SINGLETON);
        bind(MessageTraceStore.class).to(MemoryMessageTraceStore.class);
    }
}
