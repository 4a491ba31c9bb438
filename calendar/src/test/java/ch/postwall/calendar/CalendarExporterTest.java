package ch.postwall.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.Map;
import java.util.Set;

import org.apache.james.core.Username;

import net.fortuna.ical4j.data.CalendarBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ch.postwall.calendar.api.CalendarCollection;
import ch.postwall.calendar.api.ComponentType;
import ch.postwall.calendar.api.WriteCondition;
import ch.postwall.calendar.ical.IcsResources;
import ch.postwall.calendar.ical.CalendarObjects;
import ch.postwall.calendar.store.memory.MemoryCalendarStore;

class CalendarExporterTest {
    static final Username ALICE = Username.of("alice@example.com");

    MemoryCalendarStore store;
    CalendarExporter exporter;

    @BeforeEach
    void setUp() throws Exception {
        store = new MemoryCalendarStore();
        exporter = new CalendarExporter(store);
        store.createCollection(CalendarCollection.create(ALICE, "work", "Work", Set.of(ComponentType.VEVENT)));
        store.createCollection(CalendarCollection.create(ALICE, "notes", "Notes", Set.of(ComponentType.VJOURNAL)));
        String zurich = IcsResources.read("zurich-meeting.ics");
        store.put(CalendarObjects.create(ALICE, "work", "a.ics", zurich), WriteCondition.ANY);
        store.put(CalendarObjects.create(ALICE, "work", "b.ics", zurich.replace("UID:zurich-meeting", "UID:other")), WriteCondition.ANY);
        store.put(CalendarObjects.create(ALICE, "notes", "n.ics", IcsResources.read("note.ics")), WriteCondition.ANY);
    }

    @Test
    void exportAllShouldGiveOneCalendarPerCollection() {
        Map<String, String> files = exporter.exportAll(ALICE);

        assertThat(files).containsOnlyKeys("notes", "work");
        assertThat(files.get("notes")).contains("UID:note-1").doesNotContain("VEVENT");
        assertThat(files.get("work")).contains("UID:zurich-meeting", "UID:other").doesNotContain("VJOURNAL");
    }

    @Test
    void exportShouldKeepEachTimeZoneOnceAndStayParsable() throws Exception {
        String work = exporter.exportAll(ALICE).get("work");

        assertThat(work.split("BEGIN:VTIMEZONE", -1)).hasSize(2);
        assertThat(work.split("BEGIN:VEVENT", -1)).hasSize(3);
        assertThat(new CalendarBuilder().build(new StringReader(work)).getComponents()).hasSize(3);
    }

    @Test
    void exportAllShouldBeEmptyWhenUserHasNothing() {
        assertThat(exporter.exportAll(Username.of("bob@example.com"))).isEmpty();
    }
}
