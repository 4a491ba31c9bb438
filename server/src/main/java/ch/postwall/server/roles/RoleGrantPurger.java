package ch.postwall.server.roles;

import java.time.Duration;

import ch.postwall.mailbox.expiry.PeriodicPurge;

/** Deletes ended support grants at an interval, for backends without their own expiry. */
public class RoleGrantPurger extends PeriodicPurge {
    public RoleGrantPurger(RoleGrantStore store, Duration interval) {
        super("support grants", store::purgeExpired, interval);
    }
}
