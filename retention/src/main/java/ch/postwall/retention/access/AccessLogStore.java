package ch.postwall.retention.access;

import java.util.List;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

/**
 * The access log. Entries are kept for the shared log period ({@link AccessLogConfiguration#retention()}),
 * like the message trace: no operation returns an older entry, and older entries are deleted, by
 * {@link #purgeExpired()} or by the backend's own expiry.
 */
public interface AccessLogStore {
    void append(AccessEntry entry);

    /** The account's live entries, newest first (ties by id), at most {@code limit}: what a user reads. */
    List<AccessEntry> listByUser(Username account, int limit);

    /** The live entries of every account of the domain, newest first (ties by id): what a domain admin reads. */
    List<AccessEntry> listByDomain(Domain domain, int limit);

    void deleteUser(Username account);

    void deleteDomain(Domain domain);

    /** Deletes the expired entries and returns how many there were. */
    int purgeExpired();
}
