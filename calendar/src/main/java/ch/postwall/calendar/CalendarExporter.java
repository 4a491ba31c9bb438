package ch.postwall.calendar;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.apache.james.core.Username;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.model.property.XProperty;

import ch.postwall.calendar.api.CalendarCollection;
import ch.postwall.calendar.api.CalendarObject;
import ch.postwall.calendar.api.CalendarStore;
import ch.postwall.calendar.ical.CalendarData;
import ch.postwall.calendar.ical.InvalidCalendarDataException;

/** Exports collections as iCalendar files: one VCALENDAR per collection, time zones once each. */
public class CalendarExporter {
    public static final String CALENDAR_NAME = "X-WR-CALNAME";
    public static final String CALENDAR_DESCRIPTION = "X-WR-CALDESC";
    private static final String PRODUCT = "-//Postwall//Calendar export//EN";

    private final CalendarStore store;

    @Inject
    public CalendarExporter(CalendarStore store) {
        this.store = store;
    }

    /** Every collection of the user, by collection id, as the content of a {@code .ics} file. */
    public Map<String, String> exportAll(Username user) {
        Map<String, String> files = new LinkedHashMap<>();
        for (CalendarCollection collection : store.collections(user)) {
            files.put(collection.id(), export(collection));
        }
        return files;
    }

    public String export(CalendarCollection collection) {
        return merge(store.objects(collection.owner(), collection.id())).toString();
    }

    /**
     * The collection as a file of its own, e.g. in a user's export: named with the {@code X-WR-CALNAME} and
     * {@code X-WR-CALDESC} properties that calendar clients read when they import a file into a new calendar.
     */
    public String exportNamed(CalendarCollection collection, List<CalendarObject> objects) {
        Calendar merged = merge(objects);
        merged.getProperties().add(new XProperty(CALENDAR_NAME, collection.displayName()));
        collection.description().ifPresent(description -> merged.getProperties().add(new XProperty(CALENDAR_DESCRIPTION, description)));
        return merged.toString();
    }

    private static Calendar merge(List<CalendarObject> objects) {
        Calendar merged = new Calendar();
        merged.getProperties().add(new ProdId(PRODUCT));
        merged.getProperties().add(Version.VERSION_2_0);
        Map<String, CalendarComponent> timeZones = new LinkedHashMap<>();
        for (CalendarObject object : objects) {
            for (CalendarComponent component : parse(object).calendar().getComponents()) {
                if (CalendarComponent.VTIMEZONE.equals(component.getName())) {
                    timeZones.putIfAbsent(component.getProperty(Property.TZID).getValue(), component);
                } else {
                    merged.getComponents().add(component);
                }
            }
        }
        merged.getComponents().addAll(0, timeZones.values());
        return merged;
    }

    private static CalendarData parse(CalendarObject object) {
        try {
            return CalendarData.parse(object.ics());
        } catch (InvalidCalendarDataException e) {
            // Only validated objects are ever stored.
            throw new IllegalStateException("Stored calendar object " + object.name() + " no longer parses", e);
        }
    }
}
