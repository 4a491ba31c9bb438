package ch.postwall.server.audit.guice;

import org.apache.james.backends.cassandra.components.CassandraModule;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import ch.postwall.server.audit.AuditLogStore;
import ch.postwall.server.audit.cassandra.CassandraAuditLogStore;
import ch.postwall.server.audit.cassandra.CassandraAuditLogTables;

/** Needs the {@code CqlSession} of the distributed backend; no purger: rows expire by their TTL. */
public class CassandraAuditLogModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(CassandraAuditLogStore.class).in(Scopes.SINGLETON);
        bind(AuditLogStore.class).to(CassandraAuditLogStore.class);
        Multibinder.newSetBinder(binder(), CassandraModule.class).addBinding().toInstance(CassandraAuditLogTables.MODULE);
    }
}
