package ch.postwall.server.roles;

import java.time.Duration;

import javax.annotation.PreDestroy;

import org.apache.james.lifecycle.api.Startable;

import ch.postwall.mailbox.expiry.ScheduledPurge;

/** Deletes ended support grants at an interval, for backends without their own expiry. */
public class RoleGrantPurger extends ScheduledPurge implements Startable {
    public RoleGrantPurger(RoleGrantStore store, Duration interval) {
        super("support grants", interval, store::purgeExpired);
    }

    @Override
    @PreDestroy
    public synchronized void stop() {
        super.stop();
    }
}
