package ch.postwall.mailbox.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.junit.jupiter.api.Test;

class CassandraConnectionConfigurationTest {
    private static final Path SAMPLE = Paths.get("..", "conf", "cassandra.properties");

    @Test
    void fromShouldUseDocumentedDefaultsWhenFileIsEmpty() throws Exception {
        assertThat(CassandraConnectionConfiguration.from(properties("")))
            .isEqualTo(CassandraConnectionConfiguration.builder().build());
        assertThat(CassandraConnectionConfiguration.builder().build().nodes())
            .containsExactly(InetSocketAddress.createUnresolved("127.0.0.1", 9042));
    }

    @Test
    void fromShouldReadEveryKeyWhenAllAreGiven() throws Exception {
        CassandraConnectionConfiguration configuration = CassandraConnectionConfiguration.from(properties("""
            cassandra.nodes=cass1:9043, cass2
            cassandra.local.dc=dc2
            cassandra.keyspace=mail_store
            cassandra.replication.factor=3
            cassandra.consistency_level.regular=LOCAL_QUORUM
            cassandra.consistency_level.lightweight_transaction=LOCAL_SERIAL
            cassandra.request.timeout.millis=1500
            cassandra.user=postwall
            cassandra.password=secret
            cassandra.ssl=true
            cassandra.ssl.truststore.path=/etc/trust.jks
            cassandra.ssl.truststore.password=changeit
            """));

        assertThat(configuration.nodes()).containsExactly(InetSocketAddress.createUnresolved("cass1", 9043),
            InetSocketAddress.createUnresolved("cass2", 9042));
        assertThat(configuration.localDatacenter()).isEqualTo("dc2");
        assertThat(configuration.keyspace()).isEqualTo("mail_store");
        assertThat(configuration.replicationFactor()).isEqualTo(3);
        assertThat(configuration.consistencyLevelRegular()).isEqualTo("LOCAL_QUORUM");
        assertThat(configuration.consistencyLevelLightweightTransaction()).isEqualTo("LOCAL_SERIAL");
        assertThat(configuration.requestTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(configuration.credentials()).contains(new CassandraConnectionConfiguration.Credentials("postwall", "secret"));
        assertThat(configuration.tls()).contains(new CassandraConnectionConfiguration.Tls(
            Optional.of(Paths.get("/etc/trust.jks")), Optional.of("changeit")));
    }

    @Test
    void fromShouldFailNamingTheKeyWhenKeyIsUnknown() {
        assertThatThrownBy(() -> CassandraConnectionConfiguration.from(properties("cassandra.node=cass1")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("cassandra.node:");
    }

    @Test
    void fromShouldAcceptJamesMailboxTuningKeysWhenPresent() throws Exception {
        assertThat(CassandraConnectionConfiguration.from(properties("mailbox.max.retry.acl=10")).keyspace())
            .isEqualTo(CassandraConnectionConfiguration.DEFAULT_KEYSPACE);
    }

    @Test
    void fromShouldFailNamingTheKeyWhenValueIsInvalid() {
        assertThatThrownBy(() -> CassandraConnectionConfiguration.from(properties("cassandra.replication.factor=0")))
            .hasMessageStartingWith("cassandra.replication.factor:");
        assertThatThrownBy(() -> CassandraConnectionConfiguration.from(properties("cassandra.nodes=cass1:port")))
            .hasMessageStartingWith("cassandra.nodes:");
        assertThatThrownBy(() -> CassandraConnectionConfiguration.from(properties("cassandra.keyspace=mail-store")))
            .hasMessageStartingWith("cassandra.keyspace:");
        assertThatThrownBy(() -> CassandraConnectionConfiguration.from(properties("cassandra.consistency_level.regular=ONE")))
            .hasMessageStartingWith("cassandra.consistency_level.regular:");
        assertThatThrownBy(() -> CassandraConnectionConfiguration.from(properties("cassandra.ssl=maybe")))
            .hasMessageStartingWith("cassandra.ssl:");
        assertThatThrownBy(() -> CassandraConnectionConfiguration.from(properties("cassandra.request.timeout.millis=soon")))
            .hasMessageStartingWith("cassandra.request.timeout.millis:");
    }

    @Test
    void fromShouldFailWhenPasswordIsGivenWithoutUser() {
        assertThatThrownBy(() -> CassandraConnectionConfiguration.from(properties("cassandra.password=secret")))
            .hasMessageStartingWith("cassandra.user:");
    }

    @Test
    void fromShouldFailWhenTruststoreIsGivenWithoutSsl() {
        assertThatThrownBy(() -> CassandraConnectionConfiguration.from(properties("cassandra.ssl.truststore.path=/t.jks")))
            .hasMessageStartingWith("cassandra.ssl.truststore.path:");
    }

    @Test
    void toStringShouldNotRevealPasswordsWhenCredentialsAreSet() throws Exception {
        String rendered = CassandraConnectionConfiguration.from(properties("""
            cassandra.user=postwall
            cassandra.password=secret-one
            cassandra.ssl=true
            cassandra.ssl.truststore.password=secret-two
            """)).toString();

        assertThat(rendered).contains("postwall").doesNotContain("secret-one").doesNotContain("secret-two");
    }

    @Test
    void sampleShouldParseWhenEveryDocumentedKeyIsUncommented() throws Exception {
        String uncommented = Files.readAllLines(SAMPLE).stream()
            .filter(line -> line.matches("#[a-z_.]+=.*"))
            .map(line -> line.substring(1))
            .collect(Collectors.joining("\n"));

        assertThat(CassandraConnectionConfiguration.from(properties(uncommented)).keyspace()).isEqualTo("postwall");
        assertThat(uncommented.lines().map(line -> line.substring(0, line.indexOf('='))).toList())
            .contains(CassandraConnectionConfiguration.NODES, CassandraConnectionConfiguration.TRUSTSTORE_PASSWORD);
    }

    private static PropertiesConfiguration properties(String content) throws ConfigurationException, IOException {
        PropertiesConfiguration configuration = new PropertiesConfiguration();
        configuration.read(new StringReader(content));
        return configuration;
    }
}
