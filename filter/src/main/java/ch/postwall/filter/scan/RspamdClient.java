package ch.postwall.filter.scan;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** rspamd's normal worker, asked over its HTTP API {@code POST /checkv2}. */
public class RspamdClient implements SpamScanner {
    private static final String DAEMON = "rspamd";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI checkUri;
    private final Duration timeout;
    private final HttpClient httpClient;

    public RspamdClient(ScannerEndpoint endpoint) {
        this.checkUri = URI.create("http://" + endpoint.host() + ":" + endpoint.port() + "/checkv2");
        this.timeout = endpoint.timeout();
        // rspamd speaks HTTP/1.1 only; an h2c upgrade attempt is wasted.
        this.httpClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    @Override
    public SpamResult check(byte[] rawMessage) throws ScannerUnavailableException {
        HttpRequest request = HttpRequest.newBuilder(checkUri)
            .timeout(timeout)
            .POST(HttpRequest.BodyPublishers.ofByteArray(rawMessage))
            .build();
        try {
            HttpResponse<String> response = httpClient.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new ScannerUnavailableException(DAEMON + " at " + checkUri + " answered HTTP " + response.statusCode());
            }
            return parse(response.body());
        } catch (IOException e) {
            throw new ScannerUnavailableException(DAEMON + " at " + checkUri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScannerUnavailableException(DAEMON + " call interrupted", e);
        }
    }

    static SpamResult parse(String body) throws ScannerUnavailableException {
        JsonNode json;
        try {
            json = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new ScannerUnavailableException("rspamd answered something that is not JSON", e);
        }
        if (json == null || !json.path("score").isNumber() || !json.path("required_score").isNumber()) {
            throw new ScannerUnavailableException("rspamd answer lacks score or required_score");
        }
        List<String> symbols = new ArrayList<>();
        json.path("symbols").fieldNames().forEachRemaining(symbols::add);
        Optional<String> action = Optional.ofNullable(json.path("action").textValue());
        return new SpamResult(json.get("score").asDouble(), json.get("required_score").asDouble(), action, symbols);
    }
}
