package ch.postwall.calendar.ical;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.DateTime;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.component.CalendarComponent;

import ch.postwall.calendar.api.TimeRange;

/**
 * Expands the instances of a calendar object: the master's RRULE/RDATE minus EXDATE (done by
 * ical4j, in the time zone of DTSTART), minus the instances that an overriding component
 * (same UID, RECURRENCE-ID) replaces, plus the overrides themselves.
 */
final class Recurrences {
    /** Expansion is bounded so that an open query never walks an endless rule forever. */
    private static final Instant EXPANSION_START = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant EXPANSION_END = Instant.parse("2200-01-01T00:00:00Z");

    private Recurrences() {
    }

    static boolean overlaps(CalendarComponent component, List<CalendarComponent> all, TimeRange range) {
        return instances(component, all, range).findAny().isPresent();
    }

    static TimeRange span(List<CalendarComponent> components) {
        if (components.stream().anyMatch(component -> anchor(component).isEmpty()) || components.stream().anyMatch(Recurrences::isEndless)) {
            Instant start = components.stream().flatMap(component -> anchor(component).stream()).min(Instant::compareTo).orElse(TimeRange.MIN);
            boolean unanchored = components.stream().anyMatch(component -> anchor(component).isEmpty());
            return new TimeRange(unanchored ? TimeRange.MIN : start, TimeRange.MAX);
        }
        List<TimeRange> instances = components.stream()
            .flatMap(component -> instances(component, components, new TimeRange(EXPANSION_START, EXPANSION_END)))
            .toList();
        Instant start = Stream.concat(instances.stream().map(TimeRange::start), components.stream().flatMap(component -> anchor(component).stream()))
            .min(Instant::compareTo).orElseThrow();
        Instant end = instances.stream().map(TimeRange::end).max(Instant::compareTo).orElse(start);
        return new TimeRange(start, end.isBefore(start) ? start : end);
    }

    private static Stream<TimeRange> instances(CalendarComponent component, List<CalendarComponent> all, TimeRange range) {
        Optional<DateProperty> start = Optional.ofNullable(component.getProperty(Property.DTSTART));
        if (start.isEmpty()) {
            // A task without DTSTART is due at DUE, or matches every range when it has neither (RFC 4791 9.9).
            Optional<Instant> due = dateOf(component, Property.DUE);
            TimeRange instance = due.map(instant -> new TimeRange(instant, instant)).orElse(TimeRange.ALWAYS);
            return Stream.of(instance).filter(candidate -> candidate.overlaps(range));
        }
        Set<Instant> overridden = component.getProperty(Property.RECURRENCE_ID) != null ? Set.of() : overriddenStarts(all);
        Instant windowStart = range.start().isBefore(EXPANSION_START) ? EXPANSION_START : range.start();
        Instant windowEnd = range.end().isAfter(EXPANSION_END) ? EXPANSION_END : range.end();
        // One more millisecond on the end so that an instant exactly at the range start is produced too.
        Period window = new Period(new DateTime(windowStart.toEpochMilli()), new DateTime(windowEnd.toEpochMilli() + 1));
        return component.calculateRecurrenceSet(window).stream()
            .map(period -> new TimeRange(CalendarData.instant(period.getStart()), CalendarData.instant(period.getEnd())))
            .filter(instance -> !overridden.contains(instance.start()))
            .filter(instance -> instance.overlaps(range));
    }

    private static Set<Instant> overriddenStarts(List<CalendarComponent> all) {
        return all.stream()
            .flatMap(component -> dateOf(component, Property.RECURRENCE_ID).stream())
            .collect(Collectors.toSet());
    }

    private static Optional<Instant> anchor(Component component) {
        return dateOf(component, Property.DTSTART).or(() -> dateOf(component, Property.DUE));
    }

    private static boolean isEndless(Component component) {
        RRule rule = component.getProperty(Property.RRULE);
        return rule != null && rule.getRecur().getCount() < 0 && rule.getRecur().getUntil() == null;
    }

    static Optional<Instant> dateOf(Component component, String propertyName) {
        Property property = component.getProperty(propertyName);
        if (property instanceof DateProperty date && date.getDate() != null) {
            return Optional.of(CalendarData.instant(date.getDate()));
        }
        return Optional.empty();
    }
}
