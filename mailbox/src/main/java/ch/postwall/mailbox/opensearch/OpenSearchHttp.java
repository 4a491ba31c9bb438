package ch.postwall.mailbox.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.ssl.SSLContextBuilder;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Request;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * JSON over the opensearch-java generic client. The index builds its documents and queries as Jackson
 * trees, which keeps the mapping, the documents and the query translation readable side by side.
 * <p>
 * A cluster that stops answering would make every request wait for the request timeout, and James waits for the
 * index while it dispatches mailbox events: each IMAP command changing flags would hang that long. So once a request
 * failed to get an answer, the following ones fail at once, and a background probe asks the cluster every
 * {@link #PROBE_INTERVAL} until it answers; no user's request ever waits as the probe. Failed indexing goes to the
 * dead letters and is redelivered once healthy.
 */
public class OpenSearchHttp implements AutoCloseable {
    public record Reply(int status, JsonNode json) {
        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }

    static final Duration PROBE_INTERVAL = Duration.ofSeconds(5);

    public static OpenSearchHttp create(OpenSearchConfiguration configuration) {
        return create(configuration, PROBE_INTERVAL);
    }

    static OpenSearchHttp create(OpenSearchConfiguration configuration, Duration probeInterval) {
        HttpHost[] hosts = configuration.hosts().stream()
            .map(host -> new HttpHost(configuration.tls() ? "https" : "http",
                host.substring(0, host.lastIndexOf(':')),
                Integer.parseInt(host.substring(host.lastIndexOf(':') + 1))))
            .toArray(HttpHost[]::new);
        Optional<SSLContext> sslContext = sslContext(configuration);
        OpenSearchTransport transport = ApacheHttpClient5TransportBuilder.builder(hosts)
            .setRequestConfigCallback(config -> config.setResponseTimeout(Timeout.of(configuration.requestTimeout())))
            .setHttpClientConfigCallback(client -> {
                configuration.credentials().ifPresent(credentials -> {
                    BasicCredentialsProvider provider = new BasicCredentialsProvider();
                    for (HttpHost host : hosts) {
                        provider.setCredentials(new AuthScope(host),
                            new UsernamePasswordCredentials(credentials.username(), credentials.password().toCharArray()));
                    }
                    client.setDefaultCredentialsProvider(provider);
                });
                sslContext.ifPresent(context -> client.setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                    .setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(context).build())
                    .build()));
                return client;
            })
            .build();
        return new OpenSearchHttp(transport, probeInterval);
    }

    private static Optional<SSLContext> sslContext(OpenSearchConfiguration configuration) {
        return configuration.trustStore().map(trustStore -> {
            try (InputStream input = Files.newInputStream(trustStore.path())) {
                KeyStore keyStore = KeyStore.getInstance(KeyStore.getDefaultType());
                keyStore.load(input, trustStore.password().toCharArray());
                return SSLContextBuilder.create().loadTrustMaterial(keyStore, null).build();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + OpenSearchConfiguration.TRUSTSTORE_PATH + " " + trustStore.path(), e);
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("Invalid trust store " + trustStore.path(), e);
            }
        });
    }

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Logger LOGGER = LoggerFactory.getLogger(OpenSearchHttp.class);

    private final OpenSearchTransport transport;
    private final OpenSearchGenericClient client;
    private final Duration probeInterval;
    private final ScheduledExecutorService prober;
    /** Set while the cluster is considered unreachable; only the probe clears it. */
    private final AtomicBoolean unreachable = new AtomicBoolean();

    OpenSearchHttp(OpenSearchTransport transport, Duration probeInterval) {
        this.transport = transport;
        this.client = new OpenSearchGenericClient(transport);
        this.probeInterval = probeInterval;
        this.prober = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "opensearch-probe");
            thread.setDaemon(true);
            return thread;
        });
    }

    public Reply execute(String method, String endpoint, Map<String, String> parameters, Optional<String> jsonBody) throws IOException {
        Requests.JsonBodyBuilder builder = Requests.builder().method(method).endpoint(endpoint).query(parameters);
        jsonBody.ifPresent(builder::json);
        return send(builder.build());
    }

    /** Sends newline-delimited JSON lines, as the _bulk API expects. */
    public Reply bulk(String endpoint, Map<String, String> parameters, List<JsonNode> lines) throws IOException {
        StringBuilder body = new StringBuilder();
        for (JsonNode line : lines) {
            body.append(MAPPER.writeValueAsString(line)).append('\n');
        }
        return send(Requests.create("POST", endpoint, List.of(), parameters,
            Body.from(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/x-ndjson")));
    }

    /** True from a request that got no answer until the probe gets one: requests meanwhile fail at once. */
    public boolean isUnreachable() {
        return unreachable.get();
    }

    private Reply send(Request request) throws IOException {
        if (unreachable.get()) {
            throw new IOException("OpenSearch did not answer; requests fail at once until it answers a probe again");
        }
        try {
            return exchange(request);
        } catch (IOException e) {
            if (unreachable.compareAndSet(false, true)) {
                LOGGER.warn("OpenSearch did not answer; failing requests at once and probing every {}", probeInterval);
                scheduleProbe();
            }
            throw e;
        }
    }

    private void scheduleProbe() {
        try {
            prober.schedule(this::probe, probeInterval.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // closed while the cluster was away: nobody is left to serve
        }
    }

    private void probe() {
        try {
            exchange(Requests.builder().method("GET").endpoint("/").build());
            unreachable.set(false);
            LOGGER.info("OpenSearch answers again");
        } catch (IOException | RuntimeException stillAway) {
            scheduleProbe();
        }
    }

    private Reply exchange(Request request) throws IOException {
        try (Response response = client.execute(request)) {
            JsonNode json = response.getBody()
                .map(body -> {
                    try (body) {
                        return MAPPER.readTree(body.body());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .orElse(MissingNode.getInstance());
            return new Reply(response.getStatus(), json);
        }
    }

    @Override
    public void close() throws IOException {
        prober.shutdownNow();
        transport.close();
    }
}
