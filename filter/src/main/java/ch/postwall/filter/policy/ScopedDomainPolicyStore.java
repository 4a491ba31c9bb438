package ch.postwall.filter.policy;

import java.util.Optional;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

/** The store's logic once; a backend only reads, writes and deletes rows keyed by {@link PolicyScope}. */
public abstract class ScopedDomainPolicyStore implements DomainPolicyStore {
    protected abstract Optional<DomainPolicy> read(PolicyScope scope);

    protected abstract void write(PolicyScope scope, DomainPolicy policy);

    protected abstract void delete(PolicyScope scope);

    /** @return how many policies were deleted */
    protected abstract long deleteAllOfDomain(String domain);

    @Override
    public Optional<DomainPolicy> domainPolicy(Domain domain) {
        return read(PolicyScope.of(domain));
    }

    @Override
    public void setDomainPolicy(Domain domain, DomainPolicy policy) {
        write(PolicyScope.of(domain), policy);
    }

    @Override
    public void deleteDomainPolicy(Domain domain) {
        delete(PolicyScope.of(domain));
    }

    @Override
    public Optional<DomainPolicy> userPolicy(Username user) {
        return read(PolicyScope.of(user));
    }

    @Override
    public void setUserPolicy(Username user, DomainPolicy policy) {
        write(PolicyScope.of(user), policy);
    }

    @Override
    public void deleteUserPolicy(Username user) {
        delete(PolicyScope.of(user));
    }

    @Override
    public long deleteDomain(Domain domain) {
        return deleteAllOfDomain(domain.asString());
    }
}
