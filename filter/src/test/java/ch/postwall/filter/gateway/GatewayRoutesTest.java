package ch.postwall.filter.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.apache.james.core.Domain;
import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apache.james.webadmin.WebAdminConfiguration;
import org.apache.james.webadmin.WebAdminServer;
import org.apache.james.webadmin.authentication.NoAuthenticationFilter;
import org.apache.james.webadmin.mdc.LoggingRequestFilter;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The routes over real HTTP against a WebAdmin server on a random loopback port. */
class GatewayRoutesTest {
    private static final Domain EXAMPLE = Domain.of("example.com");
    private static final ObjectMapper JSON = new ObjectMapper();

    private MemoryGatewayRouteStore store;
    private WebAdminServer server;
    private HttpClient http;

    @BeforeEach
    void setUp() {
        store = new MemoryGatewayRouteStore();
        // WebAdminServer's constructor is protected: an empty subclass builds it the way James's own tests do.
        server = new WebAdminServer(WebAdminConfiguration.TEST_CONFIGURATION,
            List.of(new GatewayRoutes(store, new JsonTransformer())), new NoAuthenticationFilter(),
            new RecordingMetricFactory(), LoggingRequestFilter.create()) { };
        server.start();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void tearDown() {
        server.destroy();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort().getValue() + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null);
    }

    @Test
    void putShouldStoreRouteWhenEveryFieldGiven() throws Exception {
        HttpResponse<String> response = send("PUT", "/gateway/routes/example.com",
            "{\"host\":\"mx.example.com\",\"port\":2525,\"tlsPolicy\":\"required\",\"retryPeriod\":\"2d\","
                + "\"retrySchedule\":[\"1m\",\"10m\",\"1h\"]}");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(store.retrieve(EXAMPLE)).contains(GatewayRoute.builder(EXAMPLE, "mx.example.com")
            .port(2525)
            .tlsPolicy(TlsPolicy.REQUIRED)
            .retryPeriod(Duration.ofDays(2))
            .retrySchedule(RetrySchedule.parse("1m,10m,1h"))
            .build());
    }

    @Test
    void putShouldApplyDefaultsWhenOnlyHostGiven() throws Exception {
        send("PUT", "/gateway/routes/example.com", "{\"host\":\"mx.example.com\"}");

        assertThat(store.retrieve(EXAMPLE)).contains(GatewayRoute.builder(EXAMPLE, "mx.example.com").build());
    }

    @Test
    void getShouldReturnRouteAsJsonWhenStored() throws Exception {
        store.save(GatewayRoute.builder(EXAMPLE, "mx.example.com").retrySchedule(RetrySchedule.parse("90s,2h")).build());

        HttpResponse<String> response = get("/gateway/routes/example.com");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"domain\":\"example.com\",\"host\":\"mx.example.com\","
            + "\"port\":25,\"tlsPolicy\":\"opportunistic\",\"retryPeriod\":\"5d\",\"retrySchedule\":[\"90s\",\"2h\"]}"));
    }

    @Test
    void getShouldReturn404WhenNoRoute() throws Exception {
        assertThat(get("/gateway/routes/example.com").statusCode()).isEqualTo(404);
    }

    @Test
    void listShouldReturnEveryRouteWhenSeveral() throws Exception {
        store.save(GatewayRoute.builder(EXAMPLE, "mx.example.com").build());
        store.save(GatewayRoute.builder(Domain.of("other.org"), "mail.other.org").build());

        JsonNode routes = JSON.readTree(get("/gateway/routes").body());

        assertThat(routes).extracting(route -> route.get("domain").asText()).containsExactly("example.com", "other.org");
    }

    @Test
    void deleteShouldRemoveRoute() throws Exception {
        store.save(GatewayRoute.builder(EXAMPLE, "mx.example.com").build());

        HttpResponse<String> response = send("DELETE", "/gateway/routes/example.com", null);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(store.list()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tlsPolicy     | {\"host\":\"mx.example.com\",\"tlsPolicy\":\"sometimes\"}",
        "retryPeriod   | {\"host\":\"mx.example.com\",\"retryPeriod\":\"forever\"}",
        "retrySchedule | {\"host\":\"mx.example.com\",\"retrySchedule\":[\"soon\"]}"})
    void putShouldAnswer400NamingTheFieldWhenFieldInvalid(String field, String body) throws Exception {
        HttpResponse<String> response = send("PUT", "/gateway/routes/example.com", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains(field);
        assertThat(store.list()).isEmpty();
    }

    @Test
    void putShouldAnswer400WhenHostMissing() throws Exception {
        assertThat(send("PUT", "/gateway/routes/example.com", "{\"port\":25}").statusCode()).isEqualTo(400);
    }

    @Test
    void putShouldAnswer400WhenDomainInvalid() throws Exception {
        assertThat(send("PUT", "/gateway/routes/not%20a%20domain", "{\"host\":\"mx.example.com\"}").statusCode()).isEqualTo(400);
    }
}
