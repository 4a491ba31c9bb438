package ch.postwall.filter.policy;

import java.util.List;
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
    protected long deleteAllOfDomain(String domain) {
        List<PolicyScope> deleted = policies.keySet().stream().filter(scope -> scope.domain().equals(domain)).toList();
        deleted.forEach(policies::remove);
        return deleted.size();
    }
}
