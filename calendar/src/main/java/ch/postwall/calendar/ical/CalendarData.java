package ch.postwall.calendar.ical;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.validate.ValidationResult;

import ch.postwall.calendar.api.ComponentType;
import ch.postwall.calendar.api.TimeRange;

/**
 * One parsed and validated calendar object resource (RFC 4791 4.1): a VCALENDAR holding one kind
 * of component, all sharing one UID (a master and its overridden instances), and no METHOD.
 */
public final class CalendarData {
    private final Calendar calendar;
    private final ComponentType type;
    private final String uid;
    private final List<CalendarComponent> components;

    private CalendarData(Calendar calendar, ComponentType type, String uid, List<CalendarComponent> components) {
        this.calendar = calendar;
        this.type = type;
        this.uid = uid;
        this.components = components;
    }

    public static CalendarData parse(String ics) throws InvalidCalendarDataException {
        Calendar calendar = build(ics);
        if (calendar.getProperty(Property.METHOD) != null) {
            throw new InvalidCalendarDataException("A stored calendar object must not carry METHOD");
        }
        List<CalendarComponent> components = calendar.getComponents().stream()
            .filter(component -> ComponentType.parse(component.getName()).isPresent())
            .toList();
        Set<String> names = components.stream().map(Component::getName).collect(Collectors.toSet());
        if (names.size() != 1) {
            throw new InvalidCalendarDataException("Expected one kind of VEVENT, VTODO or VJOURNAL, found " + names);
        }
        Set<Optional<String>> uids = components.stream()
            .map(component -> Optional.ofNullable((Property) component.getProperty(Property.UID)).map(Property::getValue))
            .collect(Collectors.toSet());
        if (uids.size() != 1 || uids.iterator().next().isEmpty()) {
            throw new InvalidCalendarDataException("Every component must carry the same UID");
        }
        long masters = components.stream().filter(component -> component.getProperty(Property.RECURRENCE_ID) == null).count();
        if (masters > 1) {
            throw new InvalidCalendarDataException("More than one component without RECURRENCE-ID");
        }
        for (CalendarComponent component : components) {
            Optional<Instant> start = Recurrences.dateOf(component, Property.DTSTART);
            Optional<Instant> end = Recurrences.dateOf(component, Property.DTEND).or(() -> Recurrences.dateOf(component, Property.DUE));
            if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
                throw new InvalidCalendarDataException(component.getName() + " ends before it starts");
            }
        }
        validate(calendar);
        ComponentType type = ComponentType.parse(names.iterator().next()).orElseThrow();
        return new CalendarData(calendar, type, uids.iterator().next().get(), components);
    }

    private static Calendar build(String ics) throws InvalidCalendarDataException {
        try {
            return new CalendarBuilder().build(new StringReader(ics));
        } catch (ParserException | IOException | RuntimeException e) {
            throw new InvalidCalendarDataException("Unparsable iCalendar: " + e.getMessage(), e);
        }
    }

    private static void validate(Calendar calendar) throws InvalidCalendarDataException {
        try {
            ValidationResult result = calendar.validate(true);
            if (result.hasErrors()) {
                throw new InvalidCalendarDataException("Invalid iCalendar: " + result);
            }
        } catch (RuntimeException e) {
            throw new InvalidCalendarDataException("Invalid iCalendar: " + e.getMessage(), e);
        }
    }

    public Calendar calendar() {
        return calendar;
    }

    public ComponentType type() {
        return type;
    }

    public String uid() {
        return uid;
    }

    /** From the first instance start to the last instance end; open-ended for endless recurrences. */
    public TimeRange indexRange() {
        return Recurrences.span(components);
    }

    /** True when some instance (recurrences expanded, overrides applied) overlaps the range. */
    public boolean hasInstanceIn(TimeRange range) {
        return components.stream().anyMatch(component -> Recurrences.overlaps(component, components, range));
    }

    public boolean matches(CalendarFilter.CompFilter filter) {
        return FilterEvaluator.matches(this, filter);
    }

    List<CalendarComponent> components() {
        return components;
    }

    static Instant instant(net.fortuna.ical4j.model.Date date) {
        return Instant.ofEpochMilli(date.getTime());
    }
}
