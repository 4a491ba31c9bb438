package ch.postwall.calendar.dav;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.james.core.Username;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import ch.postwall.calendar.api.CalendarStore;
import ch.postwall.calendar.dav.handler.CalDavDispatcher;
import ch.postwall.calendar.store.embedded.EmbeddedCalendarStore;
import ch.postwall.calendar.store.memory.MemoryCalendarStore;
import ch.postwall.mailbox.embedded.EmbeddedDatabase;

/**
 * Replays the golden request/response files of {@code src/test/resources/golden}, each on a fresh
 * server, once per store implementation. Run with {@code -Dgolden.record=true} to rewrite the
 * expected responses after a deliberate change, then review the diff.
 */
class CalDavProtocolTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final String ALICE = "alice@example.com";
    static final long MAX_OBJECT_SIZE = 4096;
    static final List<String> COMPARED_HEADERS = List.of("ETag", "Location", "DAV", "Allow", "Content-Type");

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @TestFactory
    Stream<DynamicTest> goldenFilesShouldBeAnsweredAsRecordedOnMemoryStore() throws IOException {
        return goldenFiles().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
            () -> replay(file, new MemoryCalendarStore())));
    }

    @TestFactory
    Stream<DynamicTest> goldenFilesShouldBeAnsweredAsRecordedOnEmbeddedStore() throws IOException {
        return goldenFiles().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            EmbeddedDatabase database = EmbeddedDatabase.inMemory("golden" + DATABASES.incrementAndGet());
            try {
                replay(file, new EmbeddedCalendarStore(database));
            } finally {
                database.close();
            }
        }));
    }

    private static Stream<Path> goldenFiles() throws IOException {
        try (Stream<Path> files = Files.list(GOLDEN)) {
            return files.filter(file -> file.toString().endsWith(".txt")).sorted().toList().stream();
        }
    }

    private void replay(Path file, CalendarStore store) throws IOException {
        CalDavDispatcher dispatcher = CalDavDispatcher.create(store, MAX_OBJECT_SIZE);
        List<GoldenExchange> expected = GoldenExchange.parse(Files.readString(file), ALICE);
        assertThat(expected).as("exchanges in " + file).isNotEmpty();
        List<GoldenExchange> actual = new ArrayList<>();
        for (GoldenExchange exchange : expected) {
            DavResponse response = dispatcher.dispatch(new DavRequest(exchange.method(), exchange.path(),
                exchange.requestHeaders(), exchange.requestBody().getBytes(StandardCharsets.UTF_8), Username.of(exchange.user())));
            Map<String, String> headers = new LinkedHashMap<>();
            COMPARED_HEADERS.forEach(name -> {
                if (response.headers().containsKey(name)) {
                    headers.put(name, response.headers().get(name));
                }
            });
            actual.add(new GoldenExchange(exchange.comments(), exchange.method(), exchange.path(), exchange.user(),
                exchange.requestHeaders(), exchange.requestBody(), response.status(), headers,
                new String(response.body(), StandardCharsets.UTF_8).strip()));
        }
        if (Boolean.getBoolean("golden.record")) {
            StringBuilder recorded = new StringBuilder();
            actual.forEach(exchange -> recorded.append(exchange.render(ALICE)));
            Files.writeString(file, recorded.toString().strip() + "\n");
            return;
        }
        SoftAssertions softly = new SoftAssertions();
        for (int i = 0; i < expected.size(); i++) {
            GoldenExchange want = expected.get(i);
            GoldenExchange got = actual.get(i);
            String label = file.getFileName() + " #" + (i + 1) + " " + want.method() + " " + want.path();
            softly.assertThat(got.status()).as(label + " status").isEqualTo(want.status());
            softly.assertThat(got.responseHeaders()).as(label + " headers").isEqualTo(want.responseHeaders());
            softly.assertThat(got.responseBody()).as(label + " body").isEqualTo(want.responseBody());
        }
        softly.assertAll();
    }
}
