package ch.postwall.retention.contract;

import java.time.Instant;
import java.util.Map;

import com.google.common.collect.ImmutableSortedMap;

import ch.postwall.mailbox.lifecycle.DeletionCounts;

/**
 * What a wipe deleted, per step, and when: kept for the admin after the subject's data is gone. It names the
 * subject (that is its purpose) and holds counts only, never content.
 */
public record DeletionReport(ContractSubject subject, Instant terminated, Instant wipedAt, Map<String, DeletionCounts> steps) {
    public DeletionReport {
        steps = ImmutableSortedMap.copyOf(steps);
    }
}
