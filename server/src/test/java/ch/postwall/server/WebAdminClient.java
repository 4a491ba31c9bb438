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
import java.util.Base64;
import java.util.Optional;

/** WebAdmin over real HTTP, authenticated as the administrator unless told otherwise. */
public class WebAdminClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final Optional<String> authorization;

    public WebAdminClient(int port, String username, String password) {
        this(URI.create("http://127.0.0.1:" + port), Optional.of("Basic " + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8))));
    }

    private WebAdminClient(URI base, Optional<String> authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    public WebAdminClient withoutCredentials() {
        return new WebAdminClient(base, Optional.empty());
    }

    public WebAdminClient withAuthorization(String header) {
        return new WebAdminClient(base, Optional.of(header));
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
