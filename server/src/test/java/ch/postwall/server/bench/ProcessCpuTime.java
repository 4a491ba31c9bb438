package ch.postwall.server.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time (user and system) used so far by processes and their descendants, from {@code /proc/<pid>/stat}:
 * each live process's own time plus the time of the children it has reaped (Postfix and Dovecot fork a
 * process per connection; once reaped, its time shows in its parent's). Differences of two readings give the
 * CPU a system spent on the work in between, which the machine's load does not change the way it changes rates.
 */
final class ProcessCpuTime {
    // Linux reports these times in USER_HZ ticks, 100 per second on every architecture it runs here.
    private static final long TICKS_PER_SECOND = 100;
    // Fields 14-17 of /proc/<pid>/stat: utime, stime, cutime, cstime.
    private static final int FIRST_TIME_FIELD = 14;
    private static final int TIME_FIELDS = 4;

    private ProcessCpuTime() {
    }

    static Duration of(List<ProcessHandle> roots) {
        long ticks = roots.stream()
            .flatMap(root -> Stream.concat(Stream.of(root), root.descendants()))
            .mapToLong(process -> ticks(process.pid()))
            .sum();
        return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
    }

    static long ticks(String stat) {
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = 0;
        for (int field = FIRST_TIME_FIELD; field < FIRST_TIME_FIELD + TIME_FIELDS; field++) {
            ticks += Long.parseLong(fields[field - 3]);
        }
        return ticks;
    }

    private static long ticks(long pid) {
        try {
            return ticks(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
        } catch (IOException | UncheckedIOException processGone) {
            // A short-lived child may exit between listing and reading; its parent counts it once reaped.
            return 0;
        }
    }
}
