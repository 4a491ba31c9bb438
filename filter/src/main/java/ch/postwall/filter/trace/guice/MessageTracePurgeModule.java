package ch.postwall.filter.trace.guice;

import org.apache.james.utils.InitializationOperation;
import org.apache.james.utils.InitilizationOperationBuilder;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.ProvidesIntoSet;

import ch.postwall.filter.trace.MessageTracePurger;

/** Scheduled deletion of expired entries, for the backends without their own expiry (memory, embedded). */
public class MessageTracePurgeModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(MessageTracePurger.class).in(Scopes.SINGLETON);
    }

    @ProvidesIntoSet
    InitializationOperation startPurger(MessageTracePurger purger) {
        return InitilizationOperationBuilder.forClass(MessageTracePurger.class).init(purger::start);
    }
}
