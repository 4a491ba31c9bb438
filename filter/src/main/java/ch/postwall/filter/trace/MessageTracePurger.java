package ch.postwall.filter.trace;

import javax.annotation.PreDestroy;
import javax.inject.Inject;

import org.apache.james.lifecycle.api.Startable;

import ch.postwall.mailbox.expiry.ScheduledPurge;

/** Deletes expired trace entries at the configured interval, for backends without their own expiry. */
public class MessageTracePurger implements Startable {
    private final ScheduledPurge purge;

    @Inject
    public MessageTracePurger(MessageTraceStore store, MessageTraceConfiguration configuration) {
        this.purge = new ScheduledPurge("message trace entries", configuration.purgeInterval(), store::purgeExpired);
    }

    public void start() {
        purge.start();
    }

    @PreDestroy
    public void stop() {
        purge.stop();
    }
}
