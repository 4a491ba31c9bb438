package ch.postwall.filter.trace.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

import ch.postwall.filter.trace.EmbeddedMessageTraceStore;
import ch.postwall.filter.trace.MessageTraceStore;

/** Needs the {@code EmbeddedDatabase} bound by the embedded backend. */
public class EmbeddedMessageTraceModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new MessageTracePurgeModule());
        bind(EmbeddedMessageTraceStore.class).in(Scopes.SINGLETON);
        bind(MessageTraceStore.class).to(EmbeddedMessageTraceStore.class);
    }
}
