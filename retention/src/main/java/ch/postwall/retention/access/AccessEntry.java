package ch.postwall.retention.access;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.apache.james.core.Username;

/**
 * One access to an account: a login, an authentication or an authenticated request. Never holds a password
 * or content.
 *
 * @param id            unique, orders entries of the same millisecond
 * @param account       the account named by the client (it may not exist: failures are recorded too)
 * @param remoteIp      the client's address as seen by the server; "unknown" when the protocol did not say
 * @param failureReason empty on success
 */
public record AccessEntry(String id, Instant time, Username account, AccessType type, String remoteIp,
                          Optional<String> failureReason) {
    public AccessEntry {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(failureReason, "failureReason");
    }

    public boolean succeeded() {
        return failureReason.isEmpty();
    }
}
