package ch.postwall.filter.protocollog;

import javax.inject.Inject;

import ch.postwall.mailbox.expiry.PeriodicPurge;

/** Deletes expired transcripts at the configured interval, for backends without their own expiry. */
public class ProtocolLogPurger extends PeriodicPurge {
    @Inject
    public ProtocolLogPurger(ProtocolLogStore store, ProtocolLogConfiguration configuration) {
        super("SMTP protocol logs", store::purgeExpired, configuration.purgeInterval());
    }
}
