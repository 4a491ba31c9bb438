package ch.postwall.calendar.ical;

import java.time.Duration;
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
        Duration minimumSpan = minimumSpan(component, start.get());
        // Widened by the span ical4j does not know of, so that instances reaching into the range are produced.
        Instant windowStart = range.start().isBefore(EXPANSION_START.plus(minimumSpan)) ? EXPANSION_START : range.start().minus(minimumSpan);
        Instant windowEnd = range.end().isAfter(EXPANSION_END) ? EXPANSION_END : range.end();
        // A millisecond of slack for ical4j's own bounds; TimeRange.overlaps below decides exactly.
        Period window = new Period(new DateTime(windowStart.toEpochMilli()), new DateTime(windowEnd.toEpochMilli() + 1));
        return component.calculateRecurrenceSet(window).stream()
            .map(period -> new TimeRange(CalendarData.instant(period.getStart()),
                latest(CalendarData.instant(period.getEnd()), CalendarData.instant(period.getStart()).plus(minimumSpan))))
            .filter(instance -> !overridden.contains(instance.start()))
            .filter(instance -> instance.overlaps(range));
    }

    /**
     * ical4j sizes instances by DTEND or DURATION only. A task spans from DTSTART to DUE, and an
     * all-day event or note without end covers its whole day (RFC 4791 9.9).
     */
    private static Duration minimumSpan(Component component, DateProperty start) {
        Optional<Instant> due = dateOf(component, Property.DUE);
        if (due.isPresent()) {
            Duration offset = Duration.between(CalendarData.instant(start.getDate()), due.get());
            return offset.isNegative() ? Duration.ZERO : offset;
        }
        boolean allDay = !(start.getDate() instanceof DateTime);
        boolean unsized = component.getProperty(Property.DTEND) == null && component.getProperty(Property.DURATION) == null;
        return allDay && unsized ? Duration.ofDays(1) : Duration.ZERO;
    }

    private static Instant latest(Instant first, Instant second) {
        return first.isAfter(second) ? first : second;
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
