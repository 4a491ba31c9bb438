package ch.postwall.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import javax.net.ssl.SSLContext;

/**
 * WebAdmin over real HTTP, authenticated as the administrator unless told otherwise; also the client of
 * the REST API over HTTPS ({@link #api}), which speaks the same JSON with HTTP Basic.
 */
public class WebAdminClient {
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

    public HttpResponse<String> post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
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

    private static void expectSuccess(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                + response.statusCode() + ": " + response.body());
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        authorization.ifPresent(value -> builder.header("Authorization", value));
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
