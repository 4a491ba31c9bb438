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
    private static final String HASH = "pbkdf2-sha256$1000$c2FsdHNhbHQ$aGFzaGhhc2g";

    @Test
    void fromShouldUseDocumentedDefaultsWhenKeysAbsent() {
        ApiConfiguration configuration = ApiConfiguration.from(new BaseConfiguration());

        assertThat(configuration).isEqualTo(new ApiConfiguration(9443, "0.0.0.0", Optional.empty(), Optional.empty(),
            "admin", Optional.empty()));
    }

    @Test
    void fromShouldReadEveryKeyWhenGiven() {
        BaseConfiguration configuration = new BaseConfiguration();
        configuration.addProperty("port", "9443");
        configuration.addProperty("bindAddress", "127.0.0.1");
        configuration.addProperty("tls.privateKey", "/etc/key.pem");
        configuration.addProperty("tls.certificate", "/etc/cert.pem");
        configuration.addProperty("admin.login", "root");
        configuration.addProperty("admin.passwordHash", HASH);

        assertThat(ApiConfiguration.from(configuration)).isEqualTo(new ApiConfiguration(9443, "127.0.0.1",
            Optional.of(Path.of("/etc/key.pem")), Optional.of(Path.of("/etc/cert.pem")), "root", Optional.of(HASH)));
    }

    @ParameterizedTest
    @CsvSource({"port, https", "port, 70000", "prot, 8443", "tls.privateKey, /etc/key.pem", "tls.certificate, /etc/cert.pem",
        "admin.login, Root User", "admin.passwordHash, secret"})
    void fromShouldFailNamingTheKeyWhenKeyUnknownValueInvalidOrTlsHalfGiven(String key, String value) {
        BaseConfiguration configuration = new BaseConfiguration();
        configuration.addProperty(key, value);

        assertThatThrownBy(() -> ApiConfiguration.from(configuration))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(key);
    }
}
