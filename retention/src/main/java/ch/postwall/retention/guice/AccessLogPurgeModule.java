package ch.postwall.retention.guice;

import org.apache.james.utils.InitializationOperation;
import org.apache.james.utils.InitilizationOperationBuilder;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.ProvidesIntoSet;

import ch.postwall.retention.access.AccessLogPurger;

/** Scheduled deletion of expired entries, for the backends without their own expiry (memory, embedded). */
public class AccessLogPurgeModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(AccessLogPurger.class).in(Scopes.SINGLETON);
    }

    @ProvidesIntoSet
    InitializationOperation startPurger(AccessLogPurger purger) {
        return InitilizationOperationBuilder.forClass(AccessLogPurger.class).init(purger::start);
    }
}
