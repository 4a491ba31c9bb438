package ch.postwall.server.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

/**
 * One access to quarantined content or to raw logs: who, what, when. Never holds the content itself.
 *
 * @param id        unique, orders entries of the same millisecond
 * @param principal the staff login or the mail user who accessed
 * @param action    what kind of access (an API action name)
 * @param target    what was read or changed, e.g. {@code quarantine/alice@example.com/42/message}
 * @param owner     whose data it was; empty for platform-wide data (raw SMTP logs)
 */
public record AuditEntry(String id, Instant time, String principal, String action, String target, Optional<Username> owner) {
    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(owner, "owner");
    }

    /** The customer domain whose data was accessed; empty for platform-wide data. */
    public Optional<Domain> tenant() {
        return owner.flatMap(Username::getDomainPart);
    }

    /** Whether the entry is about the user's data or the user's own access, within the user's domain. */
    public boolean concerns(Username user) {
        return tenant().equals(user.getDomainPart())
            && (owner.equals(Optional.of(user)) || principal.equalsIgnoreCase(user.asString()));
    }
}
