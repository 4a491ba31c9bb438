package ch.postwall.calendar.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import ch.postwall.calendar.dav.handler.CalDavDispatcher;
import ch.postwall.calendar.server.CalDavConfiguration;
import ch.postwall.calendar.server.CalDavServer;
import ch.postwall.calendar.server.InMemoryCalendarAuthenticator;
import ch.postwall.calendar.server.TestKeystore;
import ch.postwall.calendar.store.memory.MemoryCalendarStore;

/**
 * A real client, Debian's python3-caldav, runs one scenario (discover, create a calendar, put,
 * query by time range, update and delete with ETags, sync) against our server and against Radicale,
 * side by side: both must reach the same outcome, and ours the expected one.
 */
class PythonCaldavInteropTest {
    static final String USER = "alice@example.com";
    static final String PASSWORD = "wonderland";

    @TempDir
    Path directory;

    @Test
    void scenarioShouldEndAsOnRadicaleWhenRunByPythonCaldav() throws Exception {
        Path script = directory.resolve("caldav_scenario.py");
        try (InputStream source = getClass().getResourceAsStream("/interop/caldav_scenario.py")) {
            Files.copy(source, script);
        }
        Map<String, Object> ours = runAgainstOurServer(script);
        Map<String, Object> reference;
        Path radicaleDirectory = Files.createDirectory(directory.resolve("radicale"));
        try (RadicaleServer radicale = RadicaleServer.start(radicaleDirectory, USER, PASSWORD)) {
            reference = run(script, radicale.url());
        }

        assertThat(successClassOf(ours)).isEqualTo(successClassOf(reference));
        assertThat(ours).containsAllEntriesOf(Map.of(
            "put_create", 201,
            "put_create_again", 412,
            "put_current_etag", 204,
            "delete_current_etag", 204,
            "put_invalid", 400,
            "week_of_12_january", java.util.List.of("review"),
            "week_of_19_january", java.util.List.of("standup"),
            "sync_changes_after_delete", 1,
            "listed_after_delete", false));
    }

    private Map<String, Object> runAgainstOurServer(Path script) throws Exception {
        Path keystore = TestKeystore.create(Files.createDirectory(directory.resolve("tls")));
        CalDavConfiguration configuration = TestKeystore.configuration(keystore);
        CalDavServer server = new CalDavServer(configuration,
            CalDavDispatcher.create(new MemoryCalendarStore(), configuration.maxObjectSize()),
            new InMemoryCalendarAuthenticator().withUser(USER, PASSWORD));
        server.start();
        try {
            return run(script, "https://127.0.0.1:" + server.port() + "/");
        } finally {
            server.stop();
        }
    }

    /** Radicale answers 200/201 where we answer 204 for deletes and updates; both mean success. */
    private static Map<String, Object> successClassOf(Map<String, Object> outcome) {
        return outcome.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
            entry -> entry.getValue() instanceof Integer status && status >= 200 && status < 300 ? "2xx" : entry.getValue(),
            (first, second) -> first, TreeMap::new));
    }

    private static Map<String, Object> run(Path script, String url) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(RadicaleServer.PYTHON, script.toString(), url, USER, PASSWORD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IOException("python3-caldav scenario timed out against " + url);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("scenario against " + url + " printed " + output).isZero();
        return new ObjectMapper().readValue(output, new TypeReference<TreeMap<String, Object>>() { });
    }
}
