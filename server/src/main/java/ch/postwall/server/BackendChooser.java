package ch.postwall.server;

import com.google.inject.Module;
import com.google.inject.util.Modules;

import ch.postwall.filter.gateway.guice.CassandraGatewayModule;
import ch.postwall.filter.gateway.guice.EmbeddedGatewayModule;
import ch.postwall.filter.trace.guice.CassandraMessageTraceModule;
import ch.postwall.filter.trace.guice.EmbeddedMessageTraceModule;
import ch.postwall.mailbox.cassandra.CassandraBackendModules;
import ch.postwall.mailbox.embedded.EmbeddedBackendModules;
import ch.postwall.mailbox.opensearch.OpenSearchSearchModule;
import ch.postwall.server.config.Backend;

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
                return Modules.combine(EmbeddedBackendModules.ALL,
                    new EmbeddedGatewayModule(),
                    new EmbeddedMessageTraceModule());
            case DISTRIBUTED:
                // James's MailboxModule and the event bus come from PostwallServer.CORE, as for the embedded backend.
                return Modules.combine(CassandraBackendModules.ALL,
                    new OpenSearchSearchModule(),
                    new CassandraGatewayModule(),
                    new CassandraMessageTraceModule());
            default:
                throw new IllegalArgumentException("Unknown backend " + backend);
        }
    }
}
