package ch.postwall.server.audit;

import javax.inject.Inject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.postwall.mailbox.lifecycle.PeriodicTask;
import ch.postwall.retention.access.AccessLogConfiguration;

/** Deletes expired audit entries at the access log's purge interval, for backends without their own expiry. */
public class AuditLogPurger extends PeriodicTask {
    private static final Logger LOGGER = LoggerFactory.getLogger(AuditLogPurger.class);

    @Inject
    public AuditLogPurger(AuditLogStore store, AccessLogConfiguration configuration) {
        super("Audit log purge", configuration.purgeInterval(), configuration.purgeInterval(),
            () -> LOGGER.info("Purged {} expired audit entries", store.purgeExpired()));
    }
}
