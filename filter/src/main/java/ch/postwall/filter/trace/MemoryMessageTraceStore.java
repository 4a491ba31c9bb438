package ch.postwall.filter.trace;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;

public class MemoryMessageTraceStore implements MessageTraceStore {
    static final Comparator<MessageTrace> NEWEST_FIRST = Comparator.comparing(MessageTrace::time).reversed()
        .thenComparing(MessageTrace::id);

    private final Map<String, MessageTrace> traces = new ConcurrentHashMap<>();
    private final Clock clock;
    private final MessageTraceConfiguration configuration;

    @Inject
    public MemoryMessageTraceStore(Clock clock, MessageTraceConfiguration configuration) {
        this.clock = clock;
        this.configuration = configuration;
    }

    @Override
    public void append(MessageTrace trace) {
        traces.put(trace.id(), trace);
    }

    @Override
    public boolean updateDelivery(String traceId, DeliveryStatus delivery) {
        MessageTrace current = traces.get(traceId);
        if (current == null || !isLive(current, cutoff())) {
            return false;
        }
        traces.computeIfPresent(traceId, (id, trace) -> trace.withDelivery(delivery));
        return true;
    }

    @Override
    public List<MessageTrace> search(MessageTraceQuery query) {
        return live(query::matches)
            .skip(query.offset())
            .limit(query.limit())
            .toList();
    }

    @Override
    public List<MessageTrace> listByUser(MailAddress user) {
        return live(trace -> trace.concerns(user)).toList();
    }

    @Override
    public void deleteUser(MailAddress user) {
        traces.values().removeIf(trace -> trace.concerns(user));
    }

    @Override
    public void deleteDomain(Domain domain) {
        traces.values().removeIf(trace -> trace.concerns(domain));
    }

    @Override
    public int purgeExpired() {
        Instant cutoff = cutoff();
        List<String> expired = traces.values().stream()
            .filter(trace -> !isLive(trace, cutoff))
            .map(MessageTrace::id)
            .toList();
        expired.forEach(traces::remove);
        return expired.size();
    }

    private Stream<MessageTrace> live(Predicate<MessageTrace> filter) {
        Instant cutoff = cutoff();
        return traces.values().stream()
            .filter(trace -> isLive(trace, cutoff))
            .filter(filter)
            .sorted(NEWEST_FIRST);
    }

    private Instant cutoff() {
        return clock.instant().minus(configuration.retention());
    }

    private static boolean isLive(MessageTrace trace, Instant cutoff) {
        return trace.time().isAfter(cutoff);
    }
}
