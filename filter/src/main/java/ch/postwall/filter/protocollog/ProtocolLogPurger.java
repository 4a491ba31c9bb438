package ch.postwall.filter.protocollog;

import javax.annotation.PreDestroy;
import javax.inject.Inject;

import org.apache.james.lifecycle.api.Startable;

import ch.postwall.mailbox.expiry.ScheduledPurge;

/** Deletes expired transcripts at the configured interval, for backends without their own expiry. */
public class ProtocolLogPurger extends ScheduledPurge implements Startable {
    @Inject
    public ProtocolLogPurger(ProtocolLogStore store, ProtocolLogConfiguration configuration) {
        super("SMTP protocol logs", configuration.purgeInterval(), store::purgeExpired);
    }

    @Override
    @PreDestroy
    public synchronized void stop() {
        super.stop();
    }
}
