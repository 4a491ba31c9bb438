package ch.postwall.server.roles;

import java.time.Instant;
import java.util.Objects;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

/**
 * A customer's consent that support staff may see its domain's metadata until a given instant.
 *
 * @param domain    the customer domain
 * @param grantedBy the domain admin who granted it
 * @param grantedAt when
 * @param until     when it ends by itself (excluded)
 */
public record SupportGrant(Domain domain, Username grantedBy, Instant grantedAt, Instant until) {
    public SupportGrant {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(grantedBy, "grantedBy");
        Objects.requireNonNull(grantedAt, "grantedAt");
        Objects.requireNonNull(until, "until");
    }

    public boolean isValidAt(Instant instant) {
        return instant.isBefore(until);
    }
}
