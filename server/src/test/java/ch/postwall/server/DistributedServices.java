package ch.postwall.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import ch.postwall.mailbox.cassandra.CassandraExtension;
import ch.postwall.mailbox.opensearch.OpenSearchConfiguration;
import ch.postwall.mailbox.opensearch.OpenSearchExtension;
import ch.postwall.mailbox.opensearch.OpenSearchHttp;

/**
 * Points test servers at the Cassandra and OpenSearch servers the mailbox test extensions start once per test JVM.
 * Each instance is one deployment: its own keyspace and index, shared by every node configured from it.
 *
 * <p>Registered as an extension ordered before the servers it configures, it drops its keyspace and index once they
 * have stopped: the test JVM's Cassandra holds every keyspace in its heap, a hundred tables each.
 * <pre>
 * &#64;RegisterExtension &#64;Order(1)
 * static DistributedServices deployment = new DistributedServices();
 * &#64;RegisterExtension &#64;Order(2)
 * static PostwallServerExtension server = new PostwallServerExtension(List.of(), deployment::configure);
 * </pre>
 */
public final class DistributedServices implements AfterAllCallback {
    private final String keyspace = "postwall_srv_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String index = "postwall-srv-" + UUID.randomUUID();

    public static InetSocketAddress cassandra() {
        return new CassandraExtension().contactPoint();
    }

    public static URI openSearch() {
        return OpenSearchExtension.baseUri();
    }

    /** This deployment's index, for tests that look at or change it behind the servers' back. */
    public OpenSearchConfiguration openSearchConfiguration() {
        URI openSearch = openSearch();
        return OpenSearchConfiguration.builder()
            .hosts(List.of(openSearch.getHost() + ":" + openSearch.getPort()))
            .indexName(index)
            .aliasName(alias())
            .replicas(0)
            .build();
    }

    private String alias() {
        return index + "-alias";
    }

    /** Chooses the distributed backend in a copy of the shipped conf/, with the shipped files' own keys. */
    public void configure(Path conf) throws IOException {
        InetSocketAddress cassandra = cassandra();
        URI openSearch = openSearch();
        replace(conf.resolve("postwall.properties"), Map.of("backend=embedded", "backend=distributed"));
        replace(conf.resolve("cassandra.properties"), Map.of(
            "#cassandra.nodes=127.0.0.1:9042", "cassandra.nodes=" + cassandra.getHostString() + ":" + cassandra.getPort(),
            "#cassandra.keyspace=postwall", "cassandra.keyspace=" + keyspace,
            // One test server is slow to answer while it creates tables for another.
            "#cassandra.request.timeout.millis=5000", "cassandra.request.timeout.millis=30000"));
        replace(conf.resolve("opensearch.properties"), Map.of(
            "opensearch.hosts=127.0.0.1:9200", "opensearch.hosts=" + openSearch.getHost() + ":" + openSearch.getPort(),
            "opensearch.index.name=postwall-messages-v1", "opensearch.index.name=" + index,
            "opensearch.alias.name=postwall-messages", "opensearch.alias.name=" + alias(),
            "opensearch.index.replicas=1", "opensearch.index.replicas=0"));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        CassandraExtension.dropKeyspace(keyspace);
        try (OpenSearchHttp openSearch = OpenSearchHttp.create(openSearchConfiguration())) {
            openSearch.execute("DELETE", "/" + index, Map.of("ignore_unavailable", "true"), Optional.empty());
        }
    }

    private static void replace(Path file, Map<String, String> replacements) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            if (!content.contains(replacement.getKey())) {
                throw new IllegalStateException(file.getFileName() + " no longer holds '" + replacement.getKey() + "'");
            }
            content = content.replace(replacement.getKey(), replacement.getValue());
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
