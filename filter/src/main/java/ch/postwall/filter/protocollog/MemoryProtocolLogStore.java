package ch.postwall.filter.protocollog;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;

public class MemoryProtocolLogStore implements ProtocolLogStore {
    public static final Comparator<SmtpSessionLog> NEWEST_FIRST = Comparator.comparing(SmtpSessionLog::start).reversed()
        .thenComparing(SmtpSessionLog::sessionId);

    private final Map<String, SmtpSessionLog> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final ProtocolLogConfiguration configuration;

    @Inject
    public MemoryProtocolLogStore(Clock clock, ProtocolLogConfiguration configuration) {
        this.clock = clock;
        this.configuration = configuration;
    }

    @Override
    public void append(SmtpSessionLog log) {
        sessions.put(log.sessionId(), log);
    }

    @Override
    public Optional<SmtpSessionLog> get(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId)).filter(log -> isLive(log, cutoff()));
    }

    @Override
    public List<SmtpSessionLog> search(ProtocolLogQuery query) {
        return live(query::matches).skip(query.offset()).limit(query.limit()).toList();
    }

    @Override
    public List<SmtpSessionLog> listByUser(MailAddress user) {
        return live(log -> log.concerns(user)).toList();
    }

    @Override
    public void deleteUser(MailAddress user) {
        sessions.values().removeIf(log -> log.concerns(user));
    }

    @Override
    public void deleteDomain(Domain domain) {
        sessions.values().removeIf(log -> log.concerns(domain));
    }

    @Override
    public int purgeExpired() {
        Instant cutoff = cutoff();
        List<String> expired = sessions.values().stream()
            .filter(log -> !isLive(log, cutoff))
            .map(SmtpSessionLog::sessionId)
            .toList();
        expired.forEach(sessions::remove);
        return expired.size();
    }

    private Stream<SmtpSessionLog> live(Predicate<SmtpSessionLog> filter) {
        Instant cutoff = cutoff();
        return sessions.values().stream()
            .filter(log -> isLive(log, cutoff))
            .filter(filter)
            .sorted(NEWEST_FIRST);
    }

    private Instant cutoff() {
        return clock.instant().minus(configuration.retention());
    }

    private static boolean isLive(SmtpSessionLog log, Instant cutoff) {
        return log.start().isAfter(cutoff);
    }
}
