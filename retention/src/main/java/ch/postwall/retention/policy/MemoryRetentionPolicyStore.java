package ch.postwall.retention.policy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

public class MemoryRetentionPolicyStore implements RetentionPolicyStore {
    private record Key(ContainerKind kind, String container) {
    }

    private final Map<Domain, DomainRetentionLimits> limits = new ConcurrentHashMap<>();
    private final Map<Username, Map<Key, RetentionChoice>> choices = new ConcurrentHashMap<>();

    @Override
    public void setLimits(Domain domain, DomainRetentionLimits domainLimits) {
        limits.put(domain, domainLimits);
    }

    @Override
    public DomainRetentionLimits limits(Domain domain) {
        return limits.getOrDefault(domain, DomainRetentionLimits.NONE);
    }

    @Override
    public void choose(Username user, RetentionChoice choice) {
        user.getDomainPart().map(this::limits).orElse(DomainRetentionLimits.NONE).check(choice);
        choices.computeIfAbsent(user, any -> new ConcurrentHashMap<>()).put(new Key(choice.kind(), choice.container()), choice);
    }

    @Override
    public void removeChoice(Username user, ContainerKind kind, String container) {
        choices.computeIfPresent(user, (any, userChoices) -> {
            userChoices.remove(new Key(kind, container));
            return userChoices.isEmpty() ? null : userChoices;
        });
    }

    @Override
    public List<RetentionChoice> choices(Username user) {
        return choices.getOrDefault(user, Map.of()).values().stream().sorted(RetentionChoice.ORDER).toList();
    }

    @Override
    public void deleteUser(Username user) {
        choices.remove(user);
    }

    @Override
    public void deleteDomain(Domain domain) {
        limits.remove(domain);
        choices.keySet().removeIf(user -> user.getDomainPart().filter(domain::equals).isPresent());
    }
}
