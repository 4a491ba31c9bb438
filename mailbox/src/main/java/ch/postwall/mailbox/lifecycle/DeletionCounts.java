package ch.postwall.mailbox.lifecycle;

import java.util.Map;
import java.util.TreeMap;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableSortedMap;

/** How many items of each kind (e.g. "messages", "mailboxes") a step deleted: a line of the deletion report. */
public record DeletionCounts(Map<String, Long> counts) {
    public static final DeletionCounts NONE = new DeletionCounts(Map.of());

    public static DeletionCounts of(String kind, long count) {
        return new DeletionCounts(Map.of(kind, count));
    }

    public DeletionCounts {
        counts.forEach((kind, count) -> Preconditions.checkArgument(count >= 0, "Negative count for %s", kind));
        counts = ImmutableSortedMap.copyOf(counts);
    }

    public DeletionCounts plus(DeletionCounts other) {
        Map<String, Long> sum = new TreeMap<>(counts);
        other.counts.forEach((kind, count) -> sum.merge(kind, count, Long::sum));
        return new DeletionCounts(sum);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
