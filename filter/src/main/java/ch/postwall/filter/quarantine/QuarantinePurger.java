package ch.postwall.filter.quarantine;

import java.time.Duration;

import javax.annotation.PreDestroy;
import javax.inject.Inject;

import org.apache.james.lifecycle.api.Startable;

import ch.postwall.mailbox.expiry.ScheduledPurge;

/** Deletes quarantined mail older than the quarantine period, every hour. */
public class QuarantinePurger implements Startable {
    static final Duration INTERVAL = Duration.ofHours(1);

    private final ScheduledPurge purge;

    @Inject
    public QuarantinePurger(Quarantine quarantine) {
        this.purge = new ScheduledPurge("quarantined mails", INTERVAL, quarantine::deleteExpired);
    }

    public void start() {
        purge.start();
    }

    @PreDestroy
    public void stop() {
        purge.stop();
    }
}
