package ch.postwall.filter.policy;

import java.util.Optional;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

/** Policies per domain and per user. A user's policy replaces its domain's as a whole. */
public interface DomainPolicyStore {
    Optional<DomainPolicy> domainPolicy(Domain domain);

    void setDomainPolicy(Domain domain, DomainPolicy policy);

    void deleteDomainPolicy(Domain domain);

    Optional<DomainPolicy> userPolicy(Username user);

    void setUserPolicy(Username user, DomainPolicy policy);

    /** Deletes what the store holds about the user (wipe). */
    void deleteUserPolicy(Username user);

    /** Deletes the domain's policy and every policy of its users (domain wipe); returns how many policies that was. */
    long deleteDomain(Domain domain);

    /** The user's own policy, else the domain's, else the installation default. */
    default DomainPolicy effectivePolicy(Username user, DomainPolicy installationDefault) {
        return userPolicy(user)
            .or(() -> user.getDomainPart().flatMap(this::domainPolicy))
            .orElse(installationDefault);
    }
}
