package ch.postwall.server.roles;

import java.util.Optional;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

/**
 * What an action touches: the whole platform (no tenant), a customer domain, or one mailbox of it.
 *
 * @param tenant the customer domain, empty for platform-wide data (raw logs, cross-tenant listings)
 * @param owner  the mailbox owner when the data belongs to one user
 */
public record Resource(Optional<Domain> tenant, Optional<Username> owner) {
    public static Resource platform() {
        return new Resource(Optional.empty(), Optional.empty());
    }

    public static Resource domain(Domain domain) {
        return new Resource(Optional.of(domain), Optional.empty());
    }

    /** A user's data; its tenant is the user's domain. */
    public static Resource mailbox(Username owner) {
        return new Resource(owner.getDomainPart(), Optional.of(owner));
    }
}
