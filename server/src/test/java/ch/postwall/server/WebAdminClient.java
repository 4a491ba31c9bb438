package ch.postwall.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * WebAdmin over real HTTP, authenticated as the administrator unless told otherwise; also the client of
 * the REST API over HTTPS ({@link #api}), which speaks the same JSON with HTTP Basic.
 */
public class WebAdminClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Below the request timeout, so that one await request answers (408 when the task is still running). */
    private static final String AWAIT_SLICE = "20s";
    private final HttpClient http;
    private final URI base;
    private final Optional<String> authorization;

    public WebAdminClient(int port, String username, String password) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), URI.create("http://127.0.0.1:" + port),
            Optional.of(basic(username, password)));
    }

    private WebAdminClient(HttpClient http, URI base, Optional<String> authorization) {
        this.http = http;
        this.base = base;
        this.authorization = authorization;
    }

    /** The REST API on its HTTPS port, trusting the given TLS context, signed in with a mail or staff login. */
    public static WebAdminClient api(int port, SSLContext tls, String login, String password) {
        return new WebAdminClient(HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build(),
            URI.create("https://localhost:" + port), Optional.of(basic(login, password)));
    }

    private static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public WebAdminClient withoutCredentials() {
        return new WebAdminClient(http, base, Optional.empty());
    }

    public WebAdminClient withAuthorization(String header) {
        return new WebAdminClient(http, base, Optional.of(header));
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
            .PUT(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
            .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * Starts a WebAdmin task with a POST (answered 201 with its id) and waits for it to end, at most the timeout;
     * returns its final details, whose {@code status} is {@code completed}, {@code failed} or {@code cancelled}.
     */
    public JsonNode runTask(String path, Duration timeout) {
        String taskId = readJson(expectSuccess(post(path, null))).path("taskId").asText();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> awaited = get("/tasks/" + taskId + "/await?timeout=" + AWAIT_SLICE);
            if (awaited.statusCode() != 408) {
                return readJson(expectSuccess(awaited));
            }
        }
        throw new IllegalStateException("Task " + path + " (" + taskId + ") did not end within " + timeout);
    }

    /** GETs into a file, e.g. an archive larger than what a test wants to hold in memory. */
    public HttpResponse<Path> download(String path, Path target) {
        return send(request(path).GET(), HttpResponse.BodyHandlers.ofFile(target));
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    /** Creates a hosted domain and a user with the given password; fails the test otherwise. */
    public void createUser(String address, String password) {
        String domain = address.substring(address.indexOf('@') + 1);
        expectSuccess(put("/domains/" + domain, null));
        expectSuccess(put("/users/" + address, "{\"password\":\"" + password + "\"}"));
    }

    private static HttpResponse<String> expectSuccess(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static JsonNode readJson(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        authorization.ifPresent(value -> builder.header("Authorization", value));
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        return send(builder, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder builder, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(builder.build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
