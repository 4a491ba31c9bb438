package ch.postwall.mailbox.lifecycle;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The archive an export is written into, one entry after the other. Entries are streamed: a step writes an
 * entry's bytes as it reads them and never needs to hold a whole folder in memory.
 */
public interface ExportArchive {
    @FunctionalInterface
    interface EntryWriter {
        void writeTo(OutputStream output) throws IOException;
    }

    /**
     * Adds one entry; the writer gets a stream that must not be closed by it. The archive records the
     * entry's size and SHA-256 checksum for the manifest.
     *
     * @param path  path inside the archive, '/' separated, unique within the archive
     * @param items how many items (messages, events...) the entry holds, for the manifest's counts
     */
    void addEntry(String path, long items, EntryWriter writer) throws IOException;
}
