package ch.postwall.calendar.api;

import java.util.Objects;

import org.apache.james.core.Username;

/**
 * One stored calendar object resource: its iCalendar text with what the store indexes about it.
 * {@code timeRange} spans every instance (first start, last end), so a time-range query can skip
 * objects without parsing them.
 */
public record CalendarObject(Username owner, String collectionId, String name, String uid, ComponentType type,
                             String ics, String etag, TimeRange timeRange) {
    public CalendarObject {
        Objects.requireNonNull(owner);
        Objects.requireNonNull(collectionId);
        Objects.requireNonNull(name);
        Objects.requireNonNull(uid);
        Objects.requireNonNull(type);
        Objects.requireNonNull(ics);
        Objects.requireNonNull(etag);
        Objects.requireNonNull(timeRange);
    }
}
