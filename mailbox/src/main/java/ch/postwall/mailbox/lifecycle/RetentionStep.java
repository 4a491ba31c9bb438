package ch.postwall.mailbox.lifecycle;

import java.time.Instant;

import org.apache.james.core.Username;

/**
 * Applies a user's retention to the content one module holds: deletes (not hides) whatever is older than
 * the retention of its container, everywhere the module keeps it.
 */
public interface RetentionStep {
    String name();

    /**
     * @param now the enforcement's reference time, from its clock: content received before
     *            {@code now - retention} is expired
     */
    DeletionCounts applyRetention(Username user, UserRetention retention, Instant now);
}
