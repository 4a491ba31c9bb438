package ch.postwall.filter.quarantine;

import java.time.Duration;

/**
 * Claims on releasing a quarantined mail, shared by every node: the first claim of a mail wins, so two
 * releases of it, on one node or on two, never both deliver it. A claim is dropped when its release ends;
 * one left behind by a crashed node is taken over once it is older than {@link #STALE_AFTER}. Claims
 * live only while a release runs: they hold no user data worth exporting.
 */
public interface ReleaseClaimStore {
    /** Far longer than a release takes (read one mail, enqueue it, remove it). */
    Duration STALE_AFTER = Duration.ofMinutes(10);

    /** True when this call claimed the mail; false while another claim of it is live. */
    boolean claim(String mail);

    void drop(String mail);
}
