package ch.postwall.calendar.lifecycle;

import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import ch.postwall.calendar.api.CalendarCollection;
import ch.postwall.calendar.api.CalendarStore;
import ch.postwall.mailbox.lifecycle.DeletionCounts;
import ch.postwall.mailbox.lifecycle.WipeStep;

/** Deletes every calendar, task list and notes collection of a user (or of a domain's users) with their objects and change logs. */
public record CalendarWipeStep(CalendarStore store) implements WipeStep {
    public static final String NAME = "calendar";
    static final String COLLECTIONS = "calendars";
    static final String OBJECTS = "calendarObjects";

    @Inject
    public CalendarWipeStep {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DeletionCounts wipeUser(Username user) {
        DeletionCounts deleted = countOf(user);
        store.deleteUser(user);
        return deleted;
    }

    @Override
    public DeletionCounts wipeDomain(Domain domain) {
        DeletionCounts deleted = store.owners(domain).stream()
            .map(this::countOf)
            .reduce(DeletionCounts.NONE, DeletionCounts::plus);
        store.deleteDomain(domain);
        return deleted;
    }

    private DeletionCounts countOf(Username user) {
        List<CalendarCollection> collections = store.collections(user);
        long objects = collections.stream().mapToLong(collection -> store.objects(user, collection.id()).size()).sum();
        return new DeletionCounts(Map.of(COLLECTIONS, (long) collections.size(), OBJECTS, objects));
    }
}
