package ch.postwall.filter.webadmin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apache.james.webadmin.WebAdminConfiguration;
import org.apache.james.webadmin.WebAdminServer;
import org.apache.james.webadmin.authentication.NoAuthenticationFilter;
import org.apache.james.webadmin.mdc.LoggingRequestFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ch.postwall.filter.policy.Check;
import ch.postwall.filter.policy.DomainPolicy;
import ch.postwall.filter.policy.DomainPolicyJson;
import ch.postwall.filter.policy.MemoryDomainPolicyStore;
import ch.postwall.filter.policy.ScannerDownBehaviour;

class DomainPolicyRoutesTest {
    private static final Domain DOMAIN = Domain.of("example.com");
    private static final Username ALICE = Username.of("alice@example.com");
    private static final DomainPolicy POLICY = new DomainPolicy(3, 9, Set.of("friend@partner.net"), Set.of("spam.biz"),
        EnumSet.of(Check.SPAM, Check.VIRUS), ScannerDownBehaviour.ACCEPT_AND_TAG);

    private final HttpClient http = HttpClient.newHttpClient();
    private MemoryDomainPolicyStore store;
    private WebAdminServer server;
    private String baseUri;

    @BeforeEach
    void setUp() {
        store = new MemoryDomainPolicyStore();
        // The constructor is meant for Guice; a subclass reaches it the way the injector does.
        server = new WebAdminServer(WebAdminConfiguration.TEST_CONFIGURATION, List.of(new DomainPolicyRoutes(store)),
            new NoAuthenticationFilter(), new RecordingMetricFactory(), LoggingRequestFilter.create()) {
        }.start();
        baseUri = "http://127.0.0.1:" + server.getPort().getValue() + DomainPolicyRoutes.BASE_PATH;
    }

    @AfterEach
    void tearDown() {
        server.destroy();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUri + path))
            .header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void getShouldReturnTheDomainPolicyAsJson() throws Exception {
        store.setDomainPolicy(DOMAIN, POLICY);

        HttpResponse<String> response = send("GET", "/domains/example.com", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(DomainPolicyJson.fromJson(response.body())).isEqualTo(POLICY);
    }

    @Test
    void getShouldReturn404WhenNoPolicyIsSet() throws Exception {
        assertThat(send("GET", "/domains/example.com", null).statusCode()).isEqualTo(404);
    }

    @Test
    void putShouldSetTheDomainPolicy() throws Exception {
        HttpResponse<String> response = send("PUT", "/domains/example.com",
            "{\"quarantineThreshold\": 3, \"rejectThreshold\": 9, \"blockList\": [\"spam.biz\"], \"whenScannerDown\": \"ACCEPT_AND_TAG\"}");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(store.domainPolicy(DOMAIN)).hasValueSatisfying(policy -> {
            assertThat(policy.rejectThreshold()).isEqualTo(9);
            assertThat(policy.blockList()).containsExactly("spam.biz");
            assertThat(policy.whenScannerDown()).isEqualTo(ScannerDownBehaviour.ACCEPT_AND_TAG);
        });
    }

    @Test
    void putShouldSetAUserPolicyReadableBack() throws Exception {
        send("PUT", "/users/alice@example.com", DomainPolicyJson.toJson(POLICY));

        assertThat(store.userPolicy(ALICE)).contains(POLICY);
        assertThat(send("GET", "/users/alice@example.com", null).statusCode()).isEqualTo(200);
    }

    @Test
    void putShouldAnswer400NamingTheFieldWhenTheJsonHasAnUnknownField() throws Exception {
        HttpResponse<String> response = send("PUT", "/domains/example.com", "{\"rejectTreshold\": 9}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("rejectTreshold");
        assertThat(store.domainPolicy(DOMAIN)).isEmpty();
    }

    @Test
    void putShouldAnswer400WhenThresholdsAreInverted() throws Exception {
        HttpResponse<String> response = send("PUT", "/domains/example.com", "{\"quarantineThreshold\": 9, \"rejectThreshold\": 3}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("rejectThreshold");
    }

    @Test
    void putShouldAnswer400WhenTheBodyIsNotJson() throws Exception {
        assertThat(send("PUT", "/domains/example.com", "\0garbage").statusCode()).isEqualTo(400);
    }

    @Test
    void putShouldAnswer400WhenTheDomainIsInvalid() throws Exception {
        assertThat(send("PUT", "/domains/bad@domain", "{}").statusCode()).isEqualTo(400);
    }

    @Test
    void deleteShouldRemoveTheUserPolicy() throws Exception {
        store.setUserPolicy(ALICE, POLICY);

        assertThat(send("DELETE", "/users/alice@example.com", null).statusCode()).isEqualTo(204);
        assertThat(store.userPolicy(ALICE)).isEmpty();
    }
}
