package ch.postwall.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.james.core.Username;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;

import ch.postwall.calendar.api.CalendarCollection;
import ch.postwall.calendar.api.ComponentType;
import ch.postwall.calendar.api.WriteCondition;
import ch.postwall.calendar.ical.CalendarObjects;
import ch.postwall.calendar.ical.IcsResources;
import ch.postwall.calendar.store.memory.MemoryCalendarStore;
import ch.postwall.mailbox.lifecycle.ExportArchive;

class CalendarExportStepTest {
    static final Username ALICE = Username.of("alice@example.com");

    /** Entries as written, with their item counts. */
    static class RecordingArchive implements ExportArchive {
        final Map<String, String> contents = new LinkedHashMap<>();
        final Map<String, Long> items = new LinkedHashMap<>();

        @Override
        public void addEntry(String path, long count, EntryWriter writer) throws IOException {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            writer.writeTo(output);
            contents.put(path, output.toString(StandardCharsets.UTF_8));
            items.put(path, count);
        }
    }

    MemoryCalendarStore store;
    CalendarExportStep step;

    @BeforeEach
    void setUp() {
        store = new MemoryCalendarStore();
        step = new CalendarExportStep(store, new CalendarExporter(store));
    }

    @Test
    void exportShouldWriteOneNamedCalendarFilePerCollectionWithItsObjectCount() throws Exception {
        store.createCollection(CalendarCollection.create(ALICE, "work", "Arbeit – Zürich", Set.of(ComponentType.VEVENT))
            .withDescription(Optional.of("Réunions")));
        store.createCollection(CalendarCollection.create(ALICE, "notes", "Notes", Set.of(ComponentType.VJOURNAL)));
        String zurich = IcsResources.read("zurich-meeting.ics");
        store.put(CalendarObjects.create(ALICE, "work", "a.ics", zurich), WriteCondition.ANY);
        store.put(CalendarObjects.create(ALICE, "work", "b.ics", zurich.replace("UID:zurich-meeting", "UID:other")), WriteCondition.ANY);
        store.put(CalendarObjects.create(ALICE, "notes", "n.ics", IcsResources.read("note.ics")), WriteCondition.ANY);
        RecordingArchive archive = new RecordingArchive();

        step.export(ALICE, archive);

        assertThat(archive.items).containsExactlyInAnyOrderEntriesOf(Map.of("calendar/work.ics", 2L, "calendar/notes.ics", 1L));
        Calendar work = new CalendarBuilder().build(new StringReader(archive.contents.get("calendar/work.ics")));
        assertThat(work.getProperty(CalendarExporter.CALENDAR_NAME).getValue()).isEqualTo("Arbeit – Zürich");
        assertThat(work.getProperty(CalendarExporter.CALENDAR_DESCRIPTION).getValue()).isEqualTo("Réunions");
        assertThat(work.getComponents("VEVENT")).hasSize(2);
        assertThat(archive.contents.get("calendar/notes.ics")).contains("UID:note-1", "X-WR-CALNAME:Notes")
            .doesNotContain("X-WR-CALDESC");
    }

    @Test
    void exportShouldWriteNothingWhenTheUserHasNoCollection() throws Exception {
        RecordingArchive archive = new RecordingArchive();

        step.export(ALICE, archive);

        assertThat(archive.contents).isEmpty();
    }
}
