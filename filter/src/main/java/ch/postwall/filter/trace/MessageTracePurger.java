package ch.postwall.filter.trace;

import javax.inject.Inject;

import ch.postwall.mailbox.expiry.PeriodicPurge;

/** Deletes expired trace entries at the configured interval, for backends without their own expiry. */
public class MessageTracePurger extends PeriodicPurge {
    @Inject
    public MessageTracePurger(MessageTraceStore store, MessageTraceConfiguration configuration) {
        super("message trace entries", store::purgeExpired, configuration.purgeInterval());
    }
}
