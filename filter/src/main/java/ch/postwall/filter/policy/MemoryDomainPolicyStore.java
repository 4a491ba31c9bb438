package ch.postwall.filter.policy;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public class MemoryDomainPolicyStore extends ScopedDomainPolicyStore {
    private final Map<PolicyScope, DomainPolicy> policies = new ConcurrentHashMap<>();

    @Override
    protected Optional<DomainPolicy> read(PolicyScope scope) {
        return Optional.ofNullable(policies.get(scope));
    }

    @Override
    protected void write(PolicyScope scope, DomainPolicy policy) {
        policies.put(scope, policy);
    }

    @Override
    protected void delete(PolicyScope scope) {
        policies.remove(scope);
    }

    @Override
    protected void deleteAllOfDomain(String domain) {
        policies.keySet().removeIf(scope -> scope.domain().equals(domain));
    }
}
