package ch.postwall.retention.access;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records accesses into the access log: used by the authentication decorator for the mail protocols and, for
 * HTTP (CalDAV, REST, WebAdmin), by the server's authentication filter. Never fails the access it records.
 */
public class AccessRecorder {
    private static final Logger LOGGER = LoggerFactory.getLogger(AccessRecorder.class);

    private final AccessLogStore store;
    private final Clock clock;

    @Inject
    public AccessRecorder(AccessLogStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @param failureReason empty for a success; a short reason otherwise, never a credential */
    public void record(Username account, AccessType type, String remoteIp, Optional<String> failureReason) {
        try {
            store.append(new AccessEntry(UUID.randomUUID().toString(), clock.instant(), account, type, remoteIp, failureReason));
        } catch (RuntimeException e) {
            // Losing a log line is better than refusing a login because the log store is down.
            LOGGER.error("Could not record {} access of {} from {}", type, account.asString(), remoteIp, e);
        }
    }
}
