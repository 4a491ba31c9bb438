package ch.postwall.retention.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import ch.postwall.mailbox.lifecycle.ExportArchive;

/**
 * An export written as a zip straight to its output stream, entry after entry, ending with {@code manifest.json}:
 * every entry's path, item count, size and SHA-256, plus totals. Nothing but the manifest lines is held in memory.
 */
public class ZipExportArchive implements ExportArchive, AutoCloseable {
    public static final String MANIFEST = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One line of the manifest. */
    public record ManifestEntry(String path, long items, long size, String sha256) {
    }

    /** Counts the bytes written through it and leaves the zip open when the writer closes it. */
    private static final class EntryStream extends FilterOutputStream {
        private long size;

        private EntryStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            size++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            size += length;
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private final ZipOutputStream zip;
    private final List<ManifestEntry> entries = new ArrayList<>();

    public ZipExportArchive(OutputStream output) {
        this.zip = new ZipOutputStream(output, StandardCharsets.UTF_8);
        // Attachments are mostly compressed already: the fastest level keeps most of the gain on text at a
        // fraction of the CPU, which matters for exports of several gigabytes on a shared server.
        zip.setLevel(Deflater.BEST_SPEED);
    }

    @Override
    public void addEntry(String path, long items, EntryWriter writer) throws IOException {
        MessageDigest sha256 = sha256();
        zip.putNextEntry(new ZipEntry(path));
        EntryStream entry = new EntryStream(new DigestOutputStream(zip, sha256));
        writer.writeTo(entry);
        entry.flush();
        zip.closeEntry();
        entries.add(new ManifestEntry(path, items, entry.size, HexFormat.of().formatHex(sha256.digest())));
    }

    /** Writes the manifest and ends the zip; the underlying stream stays open. */
    public void finish(String owner, Instant exportedAt) throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("owner", owner);
        manifest.put("exportedAt", exportedAt.toString());
        manifest.put("totalItems", entries.stream().mapToLong(ManifestEntry::items).sum());
        manifest.put("totalBytes", entries.stream().mapToLong(ManifestEntry::size).sum());
        manifest.put("entries", entries);
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(JSON.writeValueAsBytes(manifest));
        zip.closeEntry();
        zip.finish();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
