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

    /**
     * Where the step runs among the others, lowest first (ties by name): the mailbox step, which removes the
     * account, runs late ({@value #ACCOUNT_ORDER}); steps cleaning up after it run later still.
     */
    default int order() {
        return 0;
    }

    int ACCOUNT_ORDER = 100;

    DeletionCounts wipeUser(Username user);

    DeletionCounts wipeDomain(Domain domain);
}
