package ch.postwall.server.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import ch.postwall.mailbox.lifecycle.ExportArchive;

/** An export archive in memory: each entry's path and text, for tests of export steps. */
public class CapturingExportArchive implements ExportArchive {
    private final Map<String, String> entries = new LinkedHashMap<>();

    @Override
    public void addEntry(String path, long items, EntryWriter writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writer.writeTo(bytes);
        entries.put(path, bytes.toString(StandardCharsets.UTF_8));
    }

    public Map<String, String> entries() {
        return Map.copyOf(entries);
    }
}
