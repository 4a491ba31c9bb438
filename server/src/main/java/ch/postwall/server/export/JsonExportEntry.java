package ch.postwall.server.export;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import ch.postwall.mailbox.lifecycle.ExportArchive;

/** Adds a value to an export archive as one indented JSON document: how the server's stores export a user's data. */
public final class JsonExportEntry {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonExportEntry() {
    }

    public static void add(ExportArchive archive, String path, long items, Object value) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(value);
        archive.addEntry(path, items, output -> output.write(bytes));
    }
}
