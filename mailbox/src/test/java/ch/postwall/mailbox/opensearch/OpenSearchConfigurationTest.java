package ch.postwall.mailbox.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.commons.configuration2.BaseConfiguration;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.io.FileHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenSearchConfigurationTest {
    private static OpenSearchConfiguration from(String... keyValues) {
        BaseConfiguration configuration = new BaseConfiguration();
        for (int i = 0; i < keyValues.length; i += 2) {
            configuration.addProperty(keyValues[i], keyValues[i + 1]);
        }
        return OpenSearchConfiguration.from(configuration);
    }

    @Test
    void emptyConfigurationShouldGiveDocumentedDefaults() {
        OpenSearchConfiguration configuration = from();

        assertThat(configuration.hosts()).containsExactly("127.0.0.1:9200");
        assertThat(configuration.indexName()).isEqualTo("postwall-messages-v1");
        assertThat(configuration.aliasName()).isEqualTo("postwall-messages");
        assertThat(configuration.shards()).isEqualTo(1);
        assertThat(configuration.replicas()).isEqualTo(1);
        assertThat(configuration.credentials()).isEmpty();
        assertThat(configuration.tls()).isFalse();
        assertThat(configuration.tikaMaxAttachmentSize()).isEqualTo(20L * 1024 * 1024);
        assertThat(configuration.tikaMaxTextLength()).isEqualTo(1_000_000);
        assertThat(configuration.tikaTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void sampleFileShouldParseToTheDefaults() throws Exception {
        PropertiesConfiguration sample = new PropertiesConfiguration();
        new FileHandler(sample).load(Path.of("..", "conf", "opensearch.properties").toFile());

        OpenSearchConfiguration configuration = OpenSearchConfiguration.from(sample);

        assertThat(configuration).usingRecursiveComparison().isEqualTo(from());
    }

    @Test
    void fromShouldReadEveryKey() {
        OpenSearchConfiguration configuration = from(
            "opensearch.hosts", "os1:9200, os2:9201",
            "opensearch.index.name", "mail-v2",
            "opensearch.alias.name", "mail",
            "opensearch.index.shards", "3",
            "opensearch.index.replicas", "2",
            "opensearch.username", "postwall",
            "opensearch.password", "secret",
            "opensearch.tls.enabled", "true",
            "opensearch.tls.truststore.path", "/etc/trust.p12",
            "opensearch.tls.truststore.password", "changeit",
            "opensearch.request.timeout", "5s",
            "opensearch.tika.max.attachment.size", "2M",
            "opensearch.tika.max.text.length", "5000",
            "opensearch.tika.timeout", "1500ms");

        assertThat(configuration.hosts()).isEqualTo(List.of("os1:9200", "os2:9201"));
        assertThat(configuration.indexName()).isEqualTo("mail-v2");
        assertThat(configuration.aliasName()).isEqualTo("mail");
        assertThat(configuration.shards()).isEqualTo(3);
        assertThat(configuration.replicas()).isEqualTo(2);
        assertThat(configuration.credentials()).contains(new OpenSearchConfiguration.Credentials("postwall", "secret"));
        assertThat(configuration.tls()).isTrue();
        assertThat(configuration.trustStore()).contains(new OpenSearchConfiguration.TrustStore(Path.of("/etc/trust.p12"), "changeit"));
        assertThat(configuration.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(configuration.tikaMaxAttachmentSize()).isEqualTo(2L * 1024 * 1024);
        assertThat(configuration.tikaMaxTextLength()).isEqualTo(5000);
        assertThat(configuration.tikaTimeout()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void credentialsShouldNotShowThePassword() {
        assertThat(new OpenSearchConfiguration.Credentials("postwall", "secret").toString()).doesNotContain("secret");
    }

    @ParameterizedTest(name = "{0}={1} should fail naming {2}")
    @CsvSource({
        "opensearch.index.nmae, x, opensearch.index.nmae",
        "opensearch.index.shards, many, opensearch.index.shards",
        "opensearch.index.shards, 0, opensearch.index.shards",
        "opensearch.index.replicas, -1, opensearch.index.replicas",
        "opensearch.hosts, localhost, opensearch.hosts",
        "opensearch.hosts, localhost:99999, opensearch.hosts",
        "opensearch.index.name, Messages, opensearch.index.name",
        "opensearch.alias.name, postwall-messages-v1, opensearch.alias.name",
        "opensearch.username, postwall, opensearch.password",
        "opensearch.tls.truststore.path, /etc/trust.p12, opensearch.tls.enabled",
        "opensearch.tls.truststore.password, changeit, opensearch.tls.truststore.path",
        "opensearch.tls.enabled, yes, opensearch.tls.enabled",
        "opensearch.request.timeout, soon, opensearch.request.timeout",
        "opensearch.tika.max.attachment.size, unlimited, opensearch.tika.max.attachment.size",
        "opensearch.tika.max.text.length, 0, opensearch.tika.max.text.length",
        "opensearch.tika.timeout, 0s, opensearch.tika.timeout"
    })
    void fromShouldRejectInvalidValuesNamingTheKey(String key, String value, String namedKey) {
        assertThatThrownBy(() -> from(key, value))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(namedKey);
    }
}
