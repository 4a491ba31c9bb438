package ch.postwall.filter.policy;

import java.util.Objects;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

/**
 * The row key of a policy in every backend: a domain's own policy has an empty user; a user's policy
 * carries its domain so that a domain wipe finds it.
 */
record PolicyScope(String domain, String user) {
    private static final String DOMAIN_ITSELF = "";

    PolicyScope {
        Objects.requireNonNull(domain);
        Objects.requireNonNull(user);
    }

    static PolicyScope of(Domain domain) {
        return new PolicyScope(domain.asString(), DOMAIN_ITSELF);
    }

    static PolicyScope of(Username user) {
        return new PolicyScope(user.getDomainPart().map(Domain::asString).orElse(DOMAIN_ITSELF), user.asString());
    }
}
