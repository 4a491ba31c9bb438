package ch.postwall.server.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Memory of processes and their descendants (Postfix and Dovecot fork many), from
 * {@code /proc/<pid>/smaps_rollup}: the resident set size (RSS), and the proportional set size (PSS),
 * which shares each shared page among the processes mapping it so that a sum over processes does not
 * count shared libraries once per process. For one JVM both are about the same.
 */
final class ResidentMemory {
    final long rssBytes;
    final long pssBytes;

    private ResidentMemory(long rssBytes, long pssBytes) {
        this.rssBytes = rssBytes;
        this.pssBytes = pssBytes;
    }

    static ResidentMemory of(List<ProcessHandle> roots) {
        List<Long> pids = roots.stream()
            .flatMap(root -> Stream.concat(Stream.of(root), root.descendants()))
            .map(ProcessHandle::pid)
            .toList();
        return new ResidentMemory(
            pids.stream().mapToLong(pid -> kilobytes(pid, "Rss:") * 1024).sum(),
            pids.stream().mapToLong(pid -> kilobytes(pid, "Pss:") * 1024).sum());
    }

    private static long kilobytes(long pid, String field) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", String.valueOf(pid), "smaps_rollup"))) {
            return lines.filter(line -> line.startsWith(field))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst()
                .orElse(0);
        } catch (IOException | UncheckedIOException processGone) {
            // A short-lived child (an smtpd, an lmtp) may exit between listing and reading.
            return 0;
        }
    }
}
