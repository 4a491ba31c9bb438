package ch.postwall.calendar;

import java.util.Set;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.postwall.calendar.api.CalendarCollection;
import ch.postwall.calendar.api.CalendarStore;
import ch.postwall.calendar.api.ComponentType;

/** Gives a user their default calendar and task list, when they have no collection yet. */
public class CalendarProvisioner {
    public static final String DEFAULT_CALENDAR = "calendar";
    public static final String DEFAULT_TASKS = "tasks";
    private static final Logger LOGGER = LoggerFactory.getLogger(CalendarProvisioner.class);

    private final CalendarStore store;

    @Inject
    public CalendarProvisioner(CalendarStore store) {
        this.store = store;
    }

    public void provision(Username user) {
        if (!store.collections(user).isEmpty()) {
            return;
        }
        // createCollection is idempotent per id, so two concurrent first requests create each once.
        boolean created = store.createCollection(CalendarCollection.create(user, DEFAULT_CALENDAR, "Calendar", Set.of(ComponentType.VEVENT)))
            | store.createCollection(CalendarCollection.create(user, DEFAULT_TASKS, "Tasks", Set.of(ComponentType.VTODO)));
        if (created) {
            LOGGER.info("Provisioned default calendar and task list for {}", user.asString());
        }
    }
}
