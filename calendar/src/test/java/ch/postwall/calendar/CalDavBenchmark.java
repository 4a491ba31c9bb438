package ch.postwall.calendar;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.james.core.Username;

import ch.postwall.calendar.api.CalendarStore;
import ch.postwall.calendar.dav.DavRequest;
import ch.postwall.calendar.dav.DavResponse;
import ch.postwall.calendar.dav.handler.CalDavDispatcher;
import ch.postwall.calendar.store.embedded.EmbeddedCalendarStore;
import ch.postwall.calendar.store.memory.MemoryCalendarStore;
import ch.postwall.mailbox.embedded.EmbeddedDatabase;

/**
 * Prints PUT throughput and time-range REPORT latency for one calendar of N events (default
 * 10,000; one in ten weekly recurring), through the CalDAV handlers on the chosen store.
 * <pre>
 * mvn -o -q -pl calendar -am test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp calendar/target/classes:calendar/target/test-classes:$(cat calendar/cp.txt) \
 *     ch.postwall.calendar.CalDavBenchmark embedded 10000
 * </pre>
 */
public final class CalDavBenchmark {
    private static final Username USER = Username.of("bench@example.com");
    private static final String CALENDAR = "/dav/calendars/bench@example.com/calendar/";
    private static final DateTimeFormatter ICAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Instant YEAR_START = Instant.parse("2026-01-01T00:00:00Z");
    private static final int QUERIES = 50;

    private CalDavBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String backend = args.length > 0 ? args[0] : "memory";
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Path directory = Files.createTempDirectory("caldav-bench");
        CalendarStore store = backend.equals("embedded")
            ? new EmbeddedCalendarStore(EmbeddedDatabase.inDirectory(directory.resolve("derby")))
            : new MemoryCalendarStore();
        CalDavDispatcher dispatcher = CalDavDispatcher.create(store, 1024 * 1024);
        Random random = new Random(42);

        long putStart = System.nanoTime();
        for (int i = 0; i < events; i++) {
            Instant start = YEAR_START.plusSeconds(60L * 30 * random.nextInt(365 * 48));
            String rule = i % 10 == 0 ? "RRULE:FREQ=WEEKLY;COUNT=20\r\n" : "";
            DavResponse response = dispatcher.dispatch(new DavRequest("PUT", CALENDAR + "event-" + i + ".ics",
                Map.of("Content-Type", "text/calendar"), event(i, start, rule).getBytes(StandardCharsets.UTF_8), USER));
            if (response.status() != 201) {
                throw new IllegalStateException("PUT " + i + " answered " + response.status());
            }
        }
        double putSeconds = (System.nanoTime() - putStart) / 1e9;
        System.out.printf("%s: %d PUTs in %.1f s = %.0f PUT/s%n", backend, events, putSeconds, events / putSeconds);

        List<Long> latencies = new ArrayList<>();
        int matched = 0;
        for (int q = 0; q < QUERIES; q++) {
            Instant from = YEAR_START.plusSeconds(86400L * random.nextInt(358));
            long queryStart = System.nanoTime();
            DavResponse response = dispatcher.dispatch(new DavRequest("REPORT", CALENDAR, Map.of("Depth", "1"),
                weekQuery(from).getBytes(StandardCharsets.UTF_8), USER));
            latencies.add(System.nanoTime() - queryStart);
            matched += new String(response.body(), StandardCharsets.UTF_8).split("<D:response>", -1).length - 1;
        }
        Collections.sort(latencies);
        System.out.printf("%s: one-week calendar-query over %d events: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%.0f matches per query)%n",
            backend, events, latencies.get(QUERIES / 2) / 1e6, latencies.get(QUERIES * 95 / 100) / 1e6,
            latencies.get(QUERIES - 1) / 1e6, matched / (double) QUERIES);
    }

    private static String event(int i, Instant start, String rule) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Postwall//Benchmark//EN\r\nBEGIN:VEVENT\r\n"
            + "UID:event-" + i + "\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:" + ICAL.format(start) + "\r\n"
            + "DTEND:" + ICAL.format(start.plusSeconds(3600)) + "\r\n" + rule + "SUMMARY:Event " + i + "\r\n"
            + "END:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    private static String weekQuery(Instant from) {
        return "<C:calendar-query xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\">"
            + "<D:prop><D:getetag/></D:prop><C:filter><C:comp-filter name=\"VCALENDAR\"><C:comp-filter name=\"VEVENT\">"
            + "<C:time-range start=\"" + ICAL.format(from) + "\" end=\"" + ICAL.format(from.plusSeconds(7 * 86400)) + "\"/>"
            + "</C:comp-filter></C:comp-filter></C:filter></C:calendar-query>";
    }
}
