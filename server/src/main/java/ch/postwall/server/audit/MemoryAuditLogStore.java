package ch.postwall.server.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import ch.postwall.retention.access.AccessLogConfiguration;

public class MemoryAuditLogStore implements AuditLogStore {
    static final Comparator<AuditEntry> NEWEST_FIRST = Comparator.comparing(AuditEntry::time).reversed()
        .thenComparing(AuditEntry::id);

    private final List<AuditEntry> entries = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private final AccessLogConfiguration configuration;

    @Inject
    public MemoryAuditLogStore(Clock clock, AccessLogConfiguration configuration) {
        this.clock = clock;
        this.configuration = configuration;
    }

    @Override
    public void append(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public List<AuditEntry> listByUser(Username user, int limit) {
        return live(entry -> entry.concerns(user), limit);
    }

    @Override
    public List<AuditEntry> listByDomain(Domain domain, int limit) {
        return live(entry -> entry.tenant().equals(Optional.of(domain)), limit);
    }

    @Override
    public List<AuditEntry> listPlatformWide(int limit) {
        return live(entry -> entry.tenant().isEmpty(), limit);
    }

    @Override
    public void deleteUser(Username user) {
        entries.removeIf(entry -> entry.concerns(user));
    }

    @Override
    public void deleteDomain(Domain domain) {
        entries.removeIf(entry -> entry.tenant().equals(Optional.of(domain)));
    }

    @Override
    public int purgeExpired() {
        Instant cutoff = cutoff();
        List<AuditEntry> expired = entries.stream().filter(entry -> !entry.time().isAfter(cutoff)).toList();
        entries.removeAll(expired);
        return expired.size();
    }

    private List<AuditEntry> live(Predicate<AuditEntry> selected, int limit) {
        Instant cutoff = cutoff();
        return entries.stream()
            .filter(entry -> entry.time().isAfter(cutoff))
            .filter(selected)
            .sorted(NEWEST_FIRST)
            .limit(limit)
            .toList();
    }

    private Instant cutoff() {
        return clock.instant().minus(configuration.retention());
    }
}
