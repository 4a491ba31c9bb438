package ch.postwall.server.audit.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

import ch.postwall.server.audit.AuditLogStore;
import ch.postwall.server.audit.EmbeddedAuditLogStore;

/** The audit log on the embedded backend; needs the {@code EmbeddedDatabase} it binds. Expired entries are purged at the access log's interval. */
public class EmbeddedAuditLogModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new AuditLogPurgeModule());
        bind(EmbeddedAuditLogStore.class).in(Scopes.SINGLETON);
        bind(AuditLogStore.class).to(EmbeddedAuditLogStore.class);
    }
}
