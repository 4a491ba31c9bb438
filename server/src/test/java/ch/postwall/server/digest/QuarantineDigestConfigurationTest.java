package ch.postwall.server.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.apache.commons.configuration2.BaseConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuarantineDigestConfigurationTest {
    @Test
    void fromShouldUseTheDocumentedDefaultsWhenKeysAbsent() {
        assertThat(QuarantineDigestConfiguration.from(new BaseConfiguration()))
            .isEqualTo(new QuarantineDigestConfiguration(Duration.ofDays(1), URI.create("https://localhost:9443")));
    }

    @Test
    void fromShouldReadEveryKeyWhenGiven() {
        BaseConfiguration configuration = new BaseConfiguration();
        configuration.addProperty("interval", "6h");
        configuration.addProperty("releaseBaseUrl", "https://mail.example.com:9443/");

        assertThat(QuarantineDigestConfiguration.from(configuration))
            .isEqualTo(new QuarantineDigestConfiguration(Duration.ofHours(6), URI.create("https://mail.example.com:9443")));
    }

    @ParameterizedTest
    @CsvSource({"interval, often", "interval, 0s", "releaseBaseUrl, http://mail.example.com", "intervall, 1d"})
    void fromShouldFailNamingTheKeyWhenUnknownOrInvalid(String key, String value) {
        BaseConfiguration configuration = new BaseConfiguration();
        configuration.addProperty(key, value);

        assertThatThrownBy(() -> QuarantineDigestConfiguration.from(configuration))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(key);
    }
}
