package ch.postwall.server.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Resident set size from {@code /proc}, summed over a process and its descendants (Postfix and Dovecot fork). */
final class ResidentMemory {
    private ResidentMemory() {
    }

    static long of(ProcessHandle root) {
        return Stream.concat(Stream.of(root), root.descendants())
            .mapToLong(process -> kilobytes(process.pid()) * 1024)
            .sum();
    }

    private static long kilobytes(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", String.valueOf(pid), "status"))) {
            return lines.filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst()
                .orElse(0);
        } catch (IOException | UncheckedIOException processGone) {
            // A short-lived child (an smtpd, an lmtp) may exit between listing and reading.
            return 0;
        }
    }
}
