package ch.postwall.server.audit.guice;

import org.apache.james.utils.InitializationOperation;
import org.apache.james.utils.InitilizationOperationBuilder;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.ProvidesIntoSet;

import ch.postwall.server.audit.AuditLogPurger;

/** Scheduled deletion of expired audit entries, for the backends without their own expiry (memory, embedded). */
public class AuditLogPurgeModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(AuditLogPurger.class).in(Scopes.SINGLETON);
    }

    @ProvidesIntoSet
    InitializationOperation startPurger(AuditLogPurger purger) {
        return InitilizationOperationBuilder.forClass(AuditLogPurger.class).init(purger::start);
    }
}
