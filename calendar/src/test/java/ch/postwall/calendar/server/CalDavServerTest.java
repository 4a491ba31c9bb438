package ch.postwall.calendar.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ch.postwall.calendar.dav.handler.CalDavDispatcher;
import ch.postwall.calendar.store.memory.MemoryCalendarStore;

class CalDavServerTest {
    @TempDir
    static Path directory;

    static CalDavServer server;
    static Path keystore;

    @BeforeAll
    static void start() throws Exception {
        keystore = TestKeystore.create(directory);
        CalDavConfiguration configuration = TestKeystore.configuration(keystore);
        server = new CalDavServer(configuration, CalDavDispatcher.create(new MemoryCalendarStore(), configuration.maxObjectSize()),
            new InMemoryCalendarAuthenticator().withUser("alice@example.com", "wonderland"));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static HttpClient client(String... protocols) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream input = Files.newInputStream(keystore)) {
            trusted.load(input, TestKeystore.PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(protocols);
        return HttpClient.newBuilder().sslContext(context).sslParameters(parameters).connectTimeout(Duration.ofSeconds(10)).build();
    }

    static HttpRequest.Builder request(String path, String credentials) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + path))
            .timeout(Duration.ofSeconds(20));
        if (credentials != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    @Test
    void requestShouldBeChallengedWhenCredentialsMissing() throws Exception {
        HttpResponse<String> response = client("TLSv1.3").send(request("/dav/", null).method("PROPFIND", HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"Postwall CalDAV\", charset=\"UTF-8\"");
    }

    @Test
    void requestShouldBeChallengedWhenPasswordWrong() throws Exception {
        HttpResponse<String> response = client("TLSv1.3").send(request("/dav/", "alice@example.com:guess").GET().build(),
            HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void propfindShouldBeAnsweredOverTls12AndTls13() throws Exception {
        for (String protocol : new String[] {"TLSv1.2", "TLSv1.3"}) {
            HttpResponse<String> response = client(protocol).send(request("/dav/calendars/alice@example.com/", "alice@example.com:wonderland")
                    .header("Depth", "1").method("PROPFIND", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(protocol).isEqualTo(207);
            assertThat(response.body()).contains("/dav/calendars/alice@example.com/calendar/", "/dav/calendars/alice@example.com/tasks/");
        }
    }

    @Test
    void putShouldBeRefusedWhenBodyExceedsLimit() throws Exception {
        HttpResponse<String> response = client("TLSv1.3").send(request("/dav/calendars/alice@example.com/calendar/big.ics", "alice@example.com:wonderland")
                .header("Content-Type", "text/calendar")
                .PUT(HttpRequest.BodyPublishers.ofString("X".repeat(64 * 1024 + 1))).build(),
            HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void wellKnownShouldRedirectToDavRoot() throws Exception {
        HttpResponse<String> response = client("TLSv1.3").send(request("/.well-known/caldav", "alice@example.com:wonderland").GET().build(),
            HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).contains("/dav/");
    }
}
