package ch.postwall.server.roles;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

/**
 * Who is asking: built per request from the authenticated credentials and the current grants.
 *
 * @param name    the staff login or the mail user's username
 * @param role    the role the principal acts in
 * @param user    the mail account, for domain admins and users; empty for staff
 * @param domains the domains a domain admin administers; empty otherwise
 */
public record Principal(String name, Role role, Optional<Username> user, Set<Domain> domains) {
    public Principal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(user, "user");
        domains = Set.copyOf(domains);
    }

    public static Principal staff(StaffAccount account) {
        return new Principal(account.login(), Role.of(account.role()), Optional.empty(), Set.of());
    }

    /** A mail user; a domain admin when they administer any domain. */
    public static Principal mailUser(Username username, Set<Domain> administeredDomains) {
        return new Principal(username.asString(), administeredDomains.isEmpty() ? Role.USER : Role.DOMAIN_ADMIN,
            Optional.of(username), administeredDomains);
    }
}
