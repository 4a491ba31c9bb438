package ch.postwall.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;

import org.apache.commons.configuration2.BaseConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiConfigurationTest {
    @Test
    void fromShouldUseDocumentedDefaultsWhenKeysAbsent() {
        ApiConfiguration configuration = ApiConfiguration.from(new BaseConfiguration());

        assertThat(configuration).isEqualTo(new ApiConfiguration(9443, "0.0.0.0", Optional.empty(), Optional.empty()));
    }

    @Test
    void fromShouldReadEveryKeyWhenGiven() {
        BaseConfiguration configuration = new BaseConfiguration();
        configuration.addProperty("port", "9443");
        configuration.addProperty("bindAddress", "127.0.0.1");
        configuration.addProperty("tls.privateKey", "/etc/key.pem");
        configuration.addProperty("tls.certificate", "/etc/cert.pem");

        assertThat(ApiConfiguration.from(configuration)).isEqualTo(new ApiConfiguration(9443, "127.0.0.1",
            Optional.of(Path.of("/etc/key.pem")), Optional.of(Path.of("/etc/cert.pem"))));
    }

    @ParameterizedTest
    @CsvSource({"port, https", "port, 70000", "prot, 8443", "tls.privateKey, /etc/key.pem", "tls.certificate, /etc/cert.pem"})
    void fromShouldFailNamingTheKeyWhenKeyUnknownValueInvalidOrTlsHalfGiven(String key, String value) {
        BaseConfiguration configuration = new BaseConfiguration();
        configuration.addProperty(key, value);

        assertThatThrownBy(() -> ApiConfiguration.from(configuration))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(key);
    }
}
