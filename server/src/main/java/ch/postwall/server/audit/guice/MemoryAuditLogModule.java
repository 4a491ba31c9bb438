package ch.postwall.server.audit.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

import ch.postwall.server.audit.AuditLogStore;
import ch.postwall.server.audit.MemoryAuditLogStore;

/** The audit log on the memory backend. Expired entries are purged at the access log's interval. */
public class MemoryAuditLogModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new AuditLogPurgeModule());
        bind(MemoryAuditLogStore.class).in(Scopes.SINGLETON);
        bind(AuditLogStore.class).to(MemoryAuditLogStore.class);
    }
}
