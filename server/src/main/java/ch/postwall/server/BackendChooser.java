package ch.postwall.server;

import com.google.inject.Module;
import com.google.inject.util.Modules;

import ch.postwall.calendar.guice.CassandraCalendarStoreModule;
import ch.postwall.calendar.guice.EmbeddedCalendarStoreModule;
import ch.postwall.filter.gateway.guice.CassandraGatewayModule;
import ch.postwall.filter.gateway.guice.EmbeddedGatewayModule;
import ch.postwall.filter.policy.CassandraDomainPolicyModule;
import ch.postwall.filter.policy.EmbeddedDomainPolicyModule;
import ch.postwall.filter.quarantine.guice.CassandraReleaseClaimModule;
import ch.postwall.filter.quarantine.guice.EmbeddedReleaseClaimModule;
import ch.postwall.filter.trace.guice.CassandraMessageTraceModule;
import ch.postwall.filter.trace.guice.EmbeddedMessageTraceModule;
import ch.postwall.filter.protocollog.guice.CassandraProtocolLogModule;
import ch.postwall.filter.protocollog.guice.EmbeddedProtocolLogModule;
import ch.postwall.mailbox.cassandra.CassandraBackendModules;
import ch.postwall.mailbox.embedded.EmbeddedBackendModules;
import ch.postwall.mailbox.opensearch.OpenSearchSearchModule;
import ch.postwall.retention.guice.AccessLogCaptureModule;
import ch.postwall.retention.guice.CassandraAccessLogModule;
import ch.postwall.retention.guice.CassandraContractModule;
import ch.postwall.retention.guice.CassandraRetentionPolicyModule;
import ch.postwall.retention.guice.EmbeddedAccessLogModule;
import ch.postwall.retention.guice.EmbeddedContractModule;
import ch.postwall.retention.guice.EmbeddedRetentionPolicyModule;
import ch.postwall.retention.guice.RetentionAnnotationModule;
import ch.postwall.server.audit.guice.CassandraAuditLogModule;
import ch.postwall.server.audit.guice.EmbeddedAuditLogModule;
import ch.postwall.server.config.Backend;
import ch.postwall.server.digest.guice.CassandraDigestSettingsModule;
import ch.postwall.server.digest.guice.EmbeddedDigestSettingsModule;
import ch.postwall.server.roles.guice.CassandraRoleGrantModule;
import ch.postwall.server.roles.guice.EmbeddedRoleGrantModule;

/**
 * Picks the storage modules of the configured backend, James's and those of every Postwall store,
 * so that no Guice module holds a conditional.
 */
public final class BackendChooser {
    private BackendChooser() {
    }

    public static Module modulesFor(Backend backend) {
        switch (backend) {
            case EMBEDDED:
                // Logins are recorded in the access log by decorating the backend's users repository; IMAP clients see
                // each folder's retention through the annotation manager.
                return Modules.combine(Modules.override(EmbeddedBackendModules.ALL)
                        .with(new AccessLogCaptureModule(), new RetentionAnnotationModule()),
                    new EmbeddedAccessLogModule(),
                    new EmbeddedRetentionPolicyModule(),
                    new EmbeddedContractModule(),
                    new EmbeddedProtocolLogModule(),
                    new EmbeddedRoleGrantModule(),
                    new EmbeddedAuditLogModule(),
                    new EmbeddedDigestSettingsModule(),
                    new EmbeddedReleaseClaimModule(),
                    new EmbeddedGatewayModule(),
                    new EmbeddedMessageTraceModule(),
                    new EmbeddedDomainPolicyModule(),
                    new EmbeddedCalendarStoreModule());
            case DISTRIBUTED:
                // James's MailboxModule and the event bus come from PostwallServer.CORE, as for the embedded backend.
                return Modules.combine(Modules.override(CassandraBackendModules.ALL)
                        .with(new AccessLogCaptureModule(), new RetentionAnnotationModule()),
                    new CassandraAccessLogModule(),
                    new CassandraRetentionPolicyModule(),
                    new CassandraContractModule(),
                    new CassandraProtocolLogModule(),
                    new CassandraRoleGrantModule(),
                    new CassandraAuditLogModule(),
                    new CassandraDigestSettingsModule(),
                    new CassandraReleaseClaimModule(),
                    new OpenSearchSearchModule(),
                    new CassandraGatewayModule(),
                    new CassandraMessageTraceModule(),
                    new CassandraDomainPolicyModule(),
                    new CassandraCalendarStoreModule());
            default:
                throw new IllegalArgumentException("Unknown backend " + backend);
        }
    }
}
