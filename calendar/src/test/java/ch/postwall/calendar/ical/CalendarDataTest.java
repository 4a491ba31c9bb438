package ch.postwall.calendar.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ch.postwall.calendar.api.ComponentType;
import ch.postwall.calendar.api.TimeRange;
import ch.postwall.calendar.ical.CalendarFilter.Collation;
import ch.postwall.calendar.ical.CalendarFilter.CompFilter;
import ch.postwall.calendar.ical.CalendarFilter.ParamFilter;
import ch.postwall.calendar.ical.CalendarFilter.PropFilter;
import ch.postwall.calendar.ical.CalendarFilter.TextMatch;

class CalendarDataTest {
    static String resource(String name) {
        return IcsResources.read(name);
    }

    static TimeRange range(String start, String end) {
        return new TimeRange(Instant.parse(start), Instant.parse(end));
    }

    static CompFilter calendarWith(CompFilter child) {
        return new CompFilter("VCALENDAR", false, Optional.empty(), List.of(), List.of(child));
    }

    static CompFilter events(List<PropFilter> propFilters, List<CompFilter> compFilters) {
        return new CompFilter("VEVENT", false, Optional.empty(), propFilters, compFilters);
    }

    @Test
    void parseShouldReadUidAndTypeWhenValid() throws Exception {
        CalendarData data = CalendarData.parse(resource("zurich-meeting.ics"));

        assertThat(data.uid()).isEqualTo("zurich-meeting");
        assertThat(data.type()).isEqualTo(ComponentType.VEVENT);
    }

    @Test
    void indexRangeShouldConvertTimeZoneToUtc() throws Exception {
        CalendarData data = CalendarData.parse(resource("zurich-meeting.ics"));

        assertThat(data.indexRange()).isEqualTo(range("2026-01-05T09:00:00Z", "2026-01-05T10:00:00Z"));
    }

    @Test
    void hasInstanceInShouldRespectTimeZoneBoundaries() throws Exception {
        CalendarData data = CalendarData.parse(resource("zurich-meeting.ics"));

        assertThat(data.hasInstanceIn(range("2026-01-05T08:30:00Z", "2026-01-05T09:30:00Z"))).isTrue();
        assertThat(data.hasInstanceIn(range("2026-01-05T10:00:00Z", "2026-01-05T11:00:00Z"))).isFalse();
        assertThat(data.hasInstanceIn(range("2026-01-05T08:00:00Z", "2026-01-05T09:00:00Z"))).isFalse();
    }

    @Test
    void hasInstanceInShouldExpandRecurrenceMinusExdateAndOverriddenInstances() throws Exception {
        CalendarData data = CalendarData.parse(resource("weekly-with-exceptions.ics"));

        assertThat(data.hasInstanceIn(range("2026-01-05T09:00:00Z", "2026-01-05T09:30:00Z"))).as("first").isTrue();
        assertThat(data.hasInstanceIn(range("2026-01-12T00:00:00Z", "2026-01-13T00:00:00Z"))).as("excluded").isFalse();
        assertThat(data.hasInstanceIn(range("2026-01-19T00:00:00Z", "2026-01-20T00:00:00Z"))).as("moved away").isFalse();
        assertThat(data.hasInstanceIn(range("2026-01-20T14:30:00Z", "2026-01-20T16:00:00Z"))).as("moved to").isTrue();
        assertThat(data.hasInstanceIn(range("2026-01-26T09:00:00Z", "2026-01-26T10:00:00Z"))).as("last").isTrue();
        assertThat(data.hasInstanceIn(range("2026-02-02T00:00:00Z", "2026-02-03T00:00:00Z"))).as("after count").isFalse();
    }

    @Test
    void indexRangeShouldSpanFirstToLastInstanceWhenCounted() throws Exception {
        CalendarData data = CalendarData.parse(resource("weekly-with-exceptions.ics"));

        assertThat(data.indexRange()).isEqualTo(range("2026-01-05T09:00:00Z", "2026-01-26T10:00:00Z"));
    }

    @Test
    void indexRangeShouldBeOpenEndedWhenRecurrenceIsEndless() throws Exception {
        CalendarData data = CalendarData.parse(resource("daily-endless.ics"));

        assertThat(data.indexRange()).isEqualTo(new TimeRange(Instant.parse("2026-01-05T07:00:00Z"), TimeRange.MAX));
        assertThat(data.hasInstanceIn(range("2031-03-04T07:10:00Z", "2031-03-04T07:20:00Z"))).isTrue();
        assertThat(data.hasInstanceIn(range("2031-03-04T08:00:00Z", "2031-03-05T06:59:00Z"))).isFalse();
    }

    @Test
    void undatedTaskShouldMatchEveryRange() throws Exception {
        CalendarData data = CalendarData.parse(resource("undated-task.ics"));

        assertThat(data.type()).isEqualTo(ComponentType.VTODO);
        assertThat(data.indexRange()).isEqualTo(TimeRange.ALWAYS);
        assertThat(data.hasInstanceIn(range("1999-01-01T00:00:00Z", "1999-01-02T00:00:00Z"))).isTrue();
    }

    @Test
    void taskShouldSpanFromStartToDue() throws Exception {
        CalendarData data = CalendarData.parse(resource("task-with-due.ics"));

        assertThat(data.indexRange()).isEqualTo(range("2026-01-10T09:00:00Z", "2026-01-20T17:00:00Z"));
        assertThat(data.hasInstanceIn(range("2026-01-15T00:00:00Z", "2026-01-16T00:00:00Z"))).isTrue();
        assertThat(data.hasInstanceIn(range("2026-01-21T00:00:00Z", "2026-01-22T00:00:00Z"))).isFalse();
    }

    @Test
    void allDayNoteShouldCoverItsDay() throws Exception {
        CalendarData data = CalendarData.parse(resource("note.ics"));

        assertThat(data.hasInstanceIn(range("2026-01-07T12:00:00Z", "2026-01-07T13:00:00Z"))).isTrue();
        assertThat(data.hasInstanceIn(range("2026-01-08T12:00:00Z", "2026-01-08T13:00:00Z"))).isFalse();
    }

    @Test
    void noteShouldParseAsJournal() throws Exception {
        CalendarData data = CalendarData.parse(resource("note.ics"));

        assertThat(data.type()).isEqualTo(ComponentType.VJOURNAL);
        assertThat(data.indexRange().start()).isEqualTo(Instant.parse("2026-01-07T00:00:00Z"));
    }

    @Test
    void parseShouldRejectGarbage() {
        assertThatThrownBy(() -> CalendarData.parse("BEGIN:VCALENDAR\r\nthis is not ical\r\n"))
            .isInstanceOf(InvalidCalendarDataException.class);
    }

    @Test
    void parseShouldRejectMethod() {
        String withMethod = resource("note.ics").replace("VERSION:2.0", "VERSION:2.0\nMETHOD:PUBLISH");

        assertThatThrownBy(() -> CalendarData.parse(withMethod)).isInstanceOf(InvalidCalendarDataException.class)
            .hasMessageContaining("METHOD");
    }

    @Test
    void parseShouldRejectDifferentUids() {
        String twoUids = resource("weekly-with-exceptions.ics").replaceFirst("UID:weekly", "UID:other");

        assertThatThrownBy(() -> CalendarData.parse(twoUids)).isInstanceOf(InvalidCalendarDataException.class)
            .hasMessageContaining("UID");
    }

    @Test
    void parseShouldRejectMissingUid() {
        assertThatThrownBy(() -> CalendarData.parse(resource("note.ics").replace("UID:note-1\n", "")))
            .isInstanceOf(InvalidCalendarDataException.class);
    }

    @Test
    void parseShouldRejectMixedComponents() {
        String mixed = resource("note.ics").replace("END:VCALENDAR",
            "BEGIN:VTODO\nUID:note-1\nDTSTAMP:20260101T000000Z\nEND:VTODO\nEND:VCALENDAR");

        assertThatThrownBy(() -> CalendarData.parse(mixed)).isInstanceOf(InvalidCalendarDataException.class);
    }

    @Test
    void parseShouldRejectEventEndingBeforeItStarts() {
        String reversed = resource("daily-endless.ics").replace("DURATION:PT30M", "DTEND:20260104T070000Z");

        assertThatThrownBy(() -> CalendarData.parse(reversed)).isInstanceOf(InvalidCalendarDataException.class);
    }

    @Test
    void matchesShouldApplyTimeRangeOnComponent() throws Exception {
        CalendarData data = CalendarData.parse(resource("weekly-with-exceptions.ics"));
        CompFilter inMovedSlot = calendarWith(new CompFilter("VEVENT", false,
            Optional.of(range("2026-01-20T14:00:00Z", "2026-01-20T15:00:00Z")), List.of(), List.of()));
        CompFilter inExcludedSlot = calendarWith(new CompFilter("VEVENT", false,
            Optional.of(range("2026-01-12T09:00:00Z", "2026-01-12T10:00:00Z")), List.of(), List.of()));

        assertThat(data.matches(inMovedSlot)).isTrue();
        assertThat(data.matches(inExcludedSlot)).isFalse();
    }

    @Test
    void matchesShouldApplyTextMatchWithCollationAndNegation() throws Exception {
        CalendarData data = CalendarData.parse(resource("zurich-meeting.ics"));

        assertThat(data.matches(calendarWith(events(List.of(summary(new TextMatch("BUDGET", Collation.ASCII_CASEMAP, false))), List.of())))).isTrue();
        assertThat(data.matches(calendarWith(events(List.of(summary(new TextMatch("BUDGET", Collation.OCTET, false))), List.of())))).isFalse();
        assertThat(data.matches(calendarWith(events(List.of(summary(new TextMatch("Budget", Collation.OCTET, true))), List.of())))).isFalse();
    }

    @Test
    void matchesShouldHonourIsNotDefinedAndSubComponents() throws Exception {
        CalendarData data = CalendarData.parse(resource("zurich-meeting.ics"));
        PropFilter noRule = new PropFilter("RRULE", true, Optional.empty(), Optional.empty(), List.of());
        CompFilter withAlarm = new CompFilter("VALARM", false, Optional.empty(), List.of(), List.of());
        CompFilter withoutAlarm = new CompFilter("VALARM", true, Optional.empty(), List.of(), List.of());

        assertThat(data.matches(calendarWith(events(List.of(noRule), List.of(withAlarm))))).isTrue();
        assertThat(data.matches(calendarWith(events(List.of(), List.of(withoutAlarm))))).isFalse();
        assertThat(data.matches(calendarWith(new CompFilter("VTODO", false, Optional.empty(), List.of(), List.of())))).isFalse();
    }

    @Test
    void matchesShouldApplyParamFilter() throws Exception {
        CalendarData data = CalendarData.parse(resource("zurich-meeting.ics"));
        PropFilter startInZurich = new PropFilter("DTSTART", false, Optional.empty(), Optional.empty(),
            List.of(new ParamFilter("TZID", false, Optional.of(new TextMatch("zurich", Collation.ASCII_CASEMAP, false)))));
        PropFilter startInUtc = new PropFilter("DTSTART", false, Optional.empty(), Optional.empty(),
            List.of(new ParamFilter("TZID", true, Optional.empty())));

        assertThat(data.matches(calendarWith(events(List.of(startInZurich), List.of())))).isTrue();
        assertThat(data.matches(calendarWith(events(List.of(startInUtc), List.of())))).isFalse();
    }

    private static PropFilter summary(TextMatch match) {
        return new PropFilter("SUMMARY", false, Optional.empty(), Optional.of(match), List.of());
    }
}
