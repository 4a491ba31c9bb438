package ch.postwall.calendar.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

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
            .keystorePath(Path.of("/etc/postwall/caldav.p12"))
            .keystorePassword("secret")
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
            Path.of("conf/caldav-keystore.p12"), "changeit", "PKCS12", 1048576, 50));
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
    void fromShouldRequireKeystore() {
        assertThatThrownBy(() -> CalDavConfiguration.from(properties("tls.keystore.password", "secret")))
            .hasMessageContaining("tls.keystore.path");
        assertThatThrownBy(() -> CalDavConfiguration.from(properties("tls.keystore.path", "k.p12")))
            .hasMessageContaining("tls.keystore.password");
    }
}
