package ch.postwall.retention.access;

import java.util.Locale;
import java.util.Optional;

/** How an account was accessed. */
public enum AccessType {
    IMAP,
    POP3,
    SMTP_AUTH,
    MANAGESIEVE,
    LMTP,
    CALDAV,
    WEBADMIN,
    REST,
    JMAP,
    /** An authentication whose protocol James did not name (no MDC on the thread). */
    OTHER;

    /**
     * The type of an authentication on a James protocol thread, from the protocol its MDC names
     * ({@code org.apache.james.util.MDCBuilder.PROTOCOL}: "IMAP", "POP3", "SMTP", "MANAGE-SIEVE", "webadmin"...).
     */
    public static Optional<AccessType> fromProtocol(String protocol) {
        String normalised = protocol.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        if (normalised.equals("SMTP")) {
            return Optional.of(SMTP_AUTH);
        }
        try {
            return Optional.of(valueOf(normalised));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
