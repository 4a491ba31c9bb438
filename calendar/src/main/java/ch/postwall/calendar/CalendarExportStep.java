package ch.postwall.calendar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.inject.Inject;

import org.apache.james.core.Username;

import ch.postwall.calendar.api.CalendarCollection;
import ch.postwall.calendar.api.CalendarObject;
import ch.postwall.calendar.api.CalendarStore;
import ch.postwall.mailbox.lifecycle.ExportArchive;
import ch.postwall.mailbox.lifecycle.ExportStep;

/**
 * Every calendar, task list and notes list of the user as {@code calendar/<collection id>.ics}: one VCALENDAR
 * per collection, named after it, with its events, tasks or journals. One collection is held in memory at a time.
 */
public class CalendarExportStep implements ExportStep {
    public static final String NAME = "calendar";

    private final CalendarStore store;
    private final CalendarExporter exporter;

    @Inject
    public CalendarExportStep(CalendarStore store, CalendarExporter exporter) {
        this.store = store;
        this.exporter = exporter;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void export(Username user, ExportArchive archive) throws IOException {
        for (CalendarCollection collection : store.collections(user)) {
            List<CalendarObject> objects = store.objects(user, collection.id());
            byte[] ics = exporter.exportNamed(collection, objects).getBytes(StandardCharsets.UTF_8);
            archive.addEntry(NAME + "/" + collection.id() + ".ics", objects.size(), output -> output.write(ics));
        }
    }
}
