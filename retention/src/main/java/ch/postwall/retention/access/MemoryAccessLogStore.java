package ch.postwall.retention.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Predicate;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

public class MemoryAccessLogStore implements AccessLogStore {
    static final Comparator<AccessEntry> NEWEST_FIRST = Comparator.comparing(AccessEntry::time).reversed()
        .thenComparing(AccessEntry::id);

    private final ConcurrentSkipListSet<AccessEntry> entries = new ConcurrentSkipListSet<>(NEWEST_FIRST);
    private final Clock clock;
    private final AccessLogConfiguration configuration;

    @Inject
    public MemoryAccessLogStore(Clock clock, AccessLogConfiguration configuration) {
        this.clock = clock;
        this.configuration = configuration;
    }

    @Override
    public void append(AccessEntry entry) {
        entries.add(entry);
    }

    @Override
    public List<AccessEntry> listByUser(Username account, int limit) {
        return live(entry -> entry.account().equals(account), limit);
    }

    @Override
    public List<AccessEntry> listByDomain(Domain domain, int limit) {
        return live(inDomain(domain), limit);
    }

    @Override
    public void deleteUser(Username account) {
        entries.removeIf(entry -> entry.account().equals(account));
    }

    @Override
    public void deleteDomain(Domain domain) {
        entries.removeIf(inDomain(domain));
    }

    @Override
    public int purgeExpired() {
        Instant cutoff = cutoff();
        List<AccessEntry> expired = entries.stream().filter(entry -> !entry.time().isAfter(cutoff)).toList();
        expired.forEach(entries::remove);
        return expired.size();
    }

    private List<AccessEntry> live(Predicate<AccessEntry> condition, int limit) {
        Instant cutoff = cutoff();
        return entries.stream()
            .takeWhile(entry -> entry.time().isAfter(cutoff))
            .filter(condition)
            .limit(limit)
            .toList();
    }

    private static Predicate<AccessEntry> inDomain(Domain domain) {
        return entry -> entry.account().getDomainPart().filter(domain::equals).isPresent();
    }

    private Instant cutoff() {
        return clock.instant().minus(configuration.retention());
    }
}
