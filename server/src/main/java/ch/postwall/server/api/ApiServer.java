package ch.postwall.server.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.annotation.PreDestroy;
import javax.net.ssl.SSLContext;

import org.apache.james.lifecycle.api.Startable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import ch.postwall.retention.access.AccessType;
import ch.postwall.server.http.BasicCredentials;
import ch.postwall.server.http.HttpAccessLog;
import ch.postwall.server.roles.Principal;

/**
 * The Postwall REST API on its own HTTPS port (the JDK's HTTP server: a handful of JSON routes need
 * no framework). Every request is authenticated first (401), then its route asks the access policy
 * (403), and only then looks at data (404): a refusal never tells whether the object exists. Every request
 * naming an account goes to the access log with its outcome.
 */
public class ApiServer implements Startable {
    private static final Logger LOGGER = LoggerFactory.getLogger(ApiServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_BYTES = 64 * 1024;

    /** A route's answer: status, content type, and a body in memory or, for large ones, a file streamed from disk. */
    public record Reply(int status, String contentType, byte[] body, Optional<Path> file) {
        public Reply(int status, String contentType, byte[] body) {
            this(status, contentType, body, Optional.empty());
        }

        /** A file sent as it is read, so that its size does not matter. */
        public static Reply file(String contentType, Path file) {
            return new Reply(200, contentType, new byte[0], Optional.of(file));
        }

        public static Reply json(Object value) {
            try {
                return new Reply(200, "application/json", JSON.writeValueAsBytes(value));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("API reply cannot be serialised", e);
            }
        }

        public static Reply noContent() {
            return new Reply(204, "application/json", new byte[0]);
        }

        /** A task was started; the body says where to follow it. */
        public static Reply accepted(Object value) {
            Reply json = json(value);
            return new Reply(202, json.contentType(), json.body());
        }
    }

    @FunctionalInterface
    public interface Handler {
        Reply handle(ApiRequest request);
    }

    private record Route(String method, Pattern path, Handler handler) {
    }

    private final ApiConfiguration configuration;
    private final SSLContext sslContext;
    private final ApiAuthenticator authenticator;
    private final HttpAccessLog accessLog;
    private final List<Route> routes = new ArrayList<>();
    private HttpsServer server;
    private ExecutorService executor;

    public ApiServer(ApiConfiguration configuration, SSLContext sslContext, ApiAuthenticator authenticator, HttpAccessLog accessLog,
                     Collection<? extends ApiRouteGroup> routeGroups) {
        this.configuration = configuration;
        this.sslContext = sslContext;
        this.authenticator = authenticator;
        this.accessLog = accessLog;
        routeGroups.forEach(group -> group.define(this));
    }

    /** Declares a route; {@code path} is a regular expression whose groups are the path parameters. */
    public void route(String method, String path, Handler handler) {
        routes.add(new Route(method, Pattern.compile(path), handler));
    }

    public void start() throws IOException {
        server = HttpsServer.create(new InetSocketAddress(configuration.bindAddress(), configuration.port()), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(sslContext));
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/api/", this::serve);
        server.start();
        LOGGER.info("Postwall API listening on https://{}:{}", configuration.bindAddress(), port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @PreDestroy
    public void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        Optional<BasicCredentials> credentials = BasicCredentials.parse(
            Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")));
        Optional<Principal> principal = Optional.empty();
        int status = 500;
        try (exchange) {
            principal = authenticator.authenticate(credentials);
            Reply reply = dispatch(exchange, principal);
            status = reply.status();
            send(exchange, reply);
        } catch (RuntimeException e) {
            LOGGER.error("API request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
        } finally {
            accessLog.record(principal.map(Principal::name).or(() -> credentials.map(BasicCredentials::login)), AccessType.REST,
                exchange.getRemoteAddress().getAddress().getHostAddress(), status);
        }
    }

    private Reply dispatch(HttpExchange exchange, Optional<Principal> principal) {
        if (principal.isEmpty()) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"Postwall\", charset=\"UTF-8\"");
            return error(401, "authentication required");
        }
        String path = exchange.getRequestURI().getPath();
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher matcher = route.path().matcher(path);
            if (matcher.matches()) {
                pathKnown = true;
                if (route.method().equals(exchange.getRequestMethod())) {
                    return handle(route, matcher, principal.get(), exchange);
                }
            }
        }
        return pathKnown ? error(405, "method not allowed") : error(404, "not found");
    }

    /** At most {@value #MAX_BODY_BYTES} bytes: the API takes small JSON documents only. */
    private static byte[] body(HttpExchange exchange) {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw ApiException.badRequest("request body larger than " + MAX_BODY_BYTES + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reply handle(Route route, Matcher matcher, Principal principal, HttpExchange exchange) {
        List<String> pathParameters = new ArrayList<>();
        for (int group = 1; group <= matcher.groupCount(); group++) {
            pathParameters.add(URLDecoder.decode(matcher.group(group), StandardCharsets.UTF_8));
        }
        try {
            return route.handler().handle(new ApiRequest(principal, pathParameters,
                ApiRequest.parseQuery(exchange.getRequestURI().getRawQuery()), body(exchange)));
        } catch (ApiException e) {
            return error(e.status(), e.getMessage());
        }
    }

    private static Reply error(int status, String message) {
        Reply json = Reply.json(Map.of("error", message));
        return new Reply(status, json.contentType(), json.body());
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", reply.contentType());
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        if (reply.file().isPresent()) {
            exchange.sendResponseHeaders(reply.status(), Files.size(reply.file().get()));
            try (OutputStream body = exchange.getResponseBody()) {
                Files.copy(reply.file().get(), body);
            }
            return;
        }
        exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
        if (reply.body().length > 0) {
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(reply.body());
            }
        }
    }
}
