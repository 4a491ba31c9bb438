package ch.postwall.calendar.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;

import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.builder.FileBasedConfigurationBuilder;
import org.apache.commons.configuration2.builder.fluent.Parameters;
import org.junit.jupiter.api.Test;

class CalDavConfigurationTest {
    static PropertiesConfiguration properties(String... keyValues) {
        PropertiesConfiguration configuration = new PropertiesConfiguration();
        for (int i = 0; i < keyValues.length; i += 2) {
            configuration.addProperty(keyValues[i], keyValues[i + 1]);
        }
        return configuration;
    }

    @Test
    void fromShouldApplyDefaultsWhenOnlyKeystoreGiven() {
        CalDavConfiguration configuration = CalDavConfiguration.from(properties(
            "tls.keystore.path", "/etc/postwall/caldav.p12", "tls.keystore.password", "secret"));

        assertThat(configuration).isEqualTo(CalDavConfiguration.builder()
            .tls(new CalDavTls.KeyStoreFile("/etc/postwall/caldav.p12", "secret", "PKCS12"))
            .build());
        assertThat(configuration.port()).isEqualTo(8443);
        assertThat(configuration.maxObjectSize()).isEqualTo(1024 * 1024);
    }

    @Test
    void fromShouldReadTheSampleConfiguration() throws Exception {
        PropertiesConfiguration sample = new FileBasedConfigurationBuilder<>(PropertiesConfiguration.class)
            .configure(new Parameters().properties().setFile(Path.of("../conf/caldav.properties").toFile()))
            .getConfiguration();

        assertThat(CalDavConfiguration.from(sample)).isEqualTo(new CalDavConfiguration(8443, "0.0.0.0",
            new CalDavTls.Pem("file://var/tls/selfsigned-key.pem", "file://var/tls/selfsigned-cert.pem", Optional.empty()),
            1048576, 50));
    }

    @Test
    void fromShouldRejectUnknownKeys() {
        assertThatThrownBy(() -> CalDavConfiguration.from(properties(
            "tls.keystore.path", "k.p12", "tls.keystore.password", "secret", "prot", "8443")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("prot");
    }

    @Test
    void fromShouldNameTheKeyWhenValueInvalid() {
        assertThatThrownBy(() -> CalDavConfiguration.from(properties(
            "tls.keystore.path", "k.p12", "tls.keystore.password", "secret", "port", "eighty")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("port");
        assertThatThrownBy(() -> CalDavConfiguration.from(properties(
            "tls.keystore.path", "k.p12", "tls.keystore.password", "secret", "max.object.size", "0")))
            .hasMessageContaining("max.object.size");
    }

    @Test
    void fromShouldRequireTheWholeKeystoreWhenOneKeystoreKeyGiven() {
        assertThatThrownBy(() -> CalDavConfiguration.from(properties("tls.keystore.password", "secret")))
            .hasMessageContaining("tls.keystore.path");
        assertThatThrownBy(() -> CalDavConfiguration.from(properties("tls.keystore.path", "k.p12")))
            .hasMessageContaining("tls.keystore.password");
    }

    @Test
    void fromShouldReadPemLocationsWhenGiven() {
        CalDavConfiguration configuration = CalDavConfiguration.from(properties(
            "tls.privateKey", "/etc/postwall/key.pem", "tls.certificates", "tls/chain.pem", "tls.privateKey.password", "pw"));

        assertThat(configuration.tls()).isEqualTo(new CalDavTls.Pem("/etc/postwall/key.pem", "tls/chain.pem", Optional.of("pw")));
    }

    @Test
    void fromShouldRequireCertificatesWhenOnlyPrivateKeyGiven() {
        assertThatThrownBy(() -> CalDavConfiguration.from(properties("tls.privateKey", "key.pem")))
            .hasMessageContaining("tls.certificates");
    }

    @Test
    void fromShouldRequireTlsWhenNoneGiven() {
        assertThatThrownBy(() -> CalDavConfiguration.from(properties("port", "8443")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("tls.privateKey")
            .hasMessageContaining("tls.keystore.path");
    }

    @Test
    void fromShouldRejectPemAndKeystoreTogether() {
        assertThatThrownBy(() -> CalDavConfiguration.from(properties("tls.privateKey", "key.pem", "tls.certificates", "cert.pem",
            "tls.keystore.path", "k.p12", "tls.keystore.password", "secret")))
            .hasMessageContaining("not both");
    }
}
