package ch.postwall.mailbox.lifecycle;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

/**
 * Deletes everything one module holds about a user or a domain. Idempotent: running it again after a
 * crash, or after it completed, deletes what is left and nothing else, and then reports zero counts.
 */
public interface WipeStep {
    /** Short stable name; the wipe task records progress under it, so it must not change between versions. */
    String name();

    DeletionCounts wipeUser(Username user);

    DeletionCounts wipeDomain(Domain domain);
}
