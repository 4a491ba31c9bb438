package ch.postwall.calendar.lifecycle;

import java.time.Instant;

import javax.inject.Inject;

import org.apache.james.core.Username;

import ch.postwall.calendar.api.CalendarCollection;
import ch.postwall.calendar.api.CalendarStore;
import ch.postwall.calendar.api.DeleteResult;
import ch.postwall.calendar.api.WriteCondition;
import ch.postwall.mailbox.lifecycle.DeletionCounts;
import ch.postwall.mailbox.lifecycle.RetentionStep;
import ch.postwall.mailbox.lifecycle.UserRetention;

/**
 * Deletes the calendar objects that lie wholly in the past beyond the retention of their collection (chosen per
 * calendar by its id): an object is expired when its last instance ended before {@code now - retention}. Objects
 * without an end (open recurrences, undated tasks and notes) never expire this way. The deletion is conditional on
 * the object's etag, so an object a client changes meanwhile is left for the next run.
 */
public record CalendarRetentionStep(CalendarStore store) implements RetentionStep {
    public static final String NAME = "calendar";

    @Inject
    public CalendarRetentionStep {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DeletionCounts applyRetention(Username user, UserRetention retention, Instant now) {
        long deleted = store.collections(user).stream()
            .mapToLong(collection -> retention.forCalendar(collection.id())
                .map(period -> expire(collection, now.minus(period)))
                .orElse(0L))
            .sum();
        return DeletionCounts.of(CalendarWipeStep.OBJECTS, deleted);
    }

    private long expire(CalendarCollection collection, Instant cutoff) {
        return store.objects(collection.owner(), collection.id()).stream()
            .filter(object -> !object.timeRange().isUnboundedEnd() && !object.timeRange().end().isAfter(cutoff))
            .filter(object -> store.delete(object.owner(), object.collectionId(), object.name(),
                WriteCondition.matching(object.etag())) == DeleteResult.DELETED)
            .count();
    }
}
