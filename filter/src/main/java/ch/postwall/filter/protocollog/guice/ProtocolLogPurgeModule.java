package ch.postwall.filter.protocollog.guice;

import org.apache.james.utils.InitializationOperation;
import org.apache.james.utils.InitilizationOperationBuilder;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.ProvidesIntoSet;

import ch.postwall.filter.protocollog.ProtocolLogPurger;

/** Scheduled deletion of expired transcripts, for the backends without their own expiry (memory, embedded). */
public class ProtocolLogPurgeModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(ProtocolLogPurger.class).in(Scopes.SINGLETON);
    }

    @ProvidesIntoSet
    InitializationOperation startPurger(ProtocolLogPurger purger) {
        return InitilizationOperationBuilder.forClass(ProtocolLogPurger.class).init(purger::start);
    }
}
