package ch.postwall.filter.trace;

import javax.inject.Inject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.postwall.mailbox.lifecycle.PeriodicTask;

/** Deletes expired trace entries at the configured interval, for backends without their own expiry. */
public class MessageTracePurger extends PeriodicTask {
    private static final Logger LOGGER = LoggerFactory.getLogger(MessageTracePurger.class);

    @Inject
    public MessageTracePurger(MessageTraceStore store, MessageTraceConfiguration configuration) {
        super("Message trace purge", configuration.purgeInterval(), configuration.purgeInterval(),
            () -> LOGGER.info("Purged {} expired message trace entries", store.purgeExpired()));
    }
}
