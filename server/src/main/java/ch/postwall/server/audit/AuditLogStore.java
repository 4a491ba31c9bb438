package ch.postwall.server.audit;

import java.util.List;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

/**
 * The audit of accesses to quarantined content and raw logs. Entries are kept for the shared log period
 * (the retention module's {@code AccessLogConfiguration}, {@code retention} of {@code messagetrace.properties}):
 * no operation returns an older entry, and older entries are deleted, by {@link #purgeExpired()} or by the
 * backend's own expiry. Listings are newest first (ties by id).
 */
public interface AuditLogStore {
    void append(AuditEntry entry);

    /** The live entries about the user's data or by the user, within the user's domain (export, the user's view). */
    List<AuditEntry> listByUser(Username user, int limit);

    /** The live entries about the data of the domain's users. */
    List<AuditEntry> listByDomain(Domain domain, int limit);

    /** The live entries about platform-wide data (raw logs). */
    List<AuditEntry> listPlatformWide(int limit);

    /** Deletes the entries {@link #listByUser} returns. */
    void deleteUser(Username user);

    /** Deletes the entries about the domain's data. */
    void deleteDomain(Domain domain);

    /** Deletes the expired entries and returns how many there were. */
    int purgeExpired();
}
