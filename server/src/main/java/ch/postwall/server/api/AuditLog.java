package ch.postwall.server.api;

import java.time.Instant;
import java.util.List;

/**
 * Who read which quarantined content or raw log, and when. To be backed by the access log store of
 * the retention module (branch wip/retention, {@code AccessLogStore}) once it is merged.
 */
public interface AuditLog {
    /**
     * @param principal who (staff login or username)
     * @param action    what kind of access
     * @param target    what was read or changed (e.g. {@code quarantine/alice@example.com/42})
     * @param time      when
     */
    record Entry(String principal, String action, String target, Instant time) {
    }

    void record(Entry entry);

    List<Entry> entries();
}
