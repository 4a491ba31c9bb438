package ch.postwall.retention.access;

import javax.inject.Inject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.postwall.mailbox.lifecycle.PeriodicTask;

/** Deletes expired access log entries at the configured interval, for backends without their own expiry. */
public class AccessLogPurger extends PeriodicTask {
    private static final Logger LOGGER = LoggerFactory.getLogger(AccessLogPurger.class);

    @Inject
    public AccessLogPurger(AccessLogStore store, AccessLogConfiguration configuration) {
        super("Access log purge", configuration.purgeInterval(), configuration.purgeInterval(),
            () -> LOGGER.info("Purged {} expired access log entries", store.purgeExpired()));
    }
}
