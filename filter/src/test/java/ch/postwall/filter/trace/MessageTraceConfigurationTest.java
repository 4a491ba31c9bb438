package ch.postwall.filter.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.apache.commons.configuration2.BaseConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageTraceConfigurationTest {
    @Test
    void fromShouldUseDocumentedDefaultsWhenKeysAbsent() {
        MessageTraceConfiguration configuration = MessageTraceConfiguration.from(new BaseConfiguration());

        assertThat(configuration.retention()).isEqualTo(Duration.ofDays(14));
        assertThat(configuration.purgeInterval()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void fromShouldReadRetentionWhenGiven() {
        BaseConfiguration configuration = new BaseConfiguration();
        configuration.addProperty("retention", "30d");

        assertThat(MessageTraceConfiguration.from(configuration).retention()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void fromShouldReadPurgeIntervalWhenGiven() {
        BaseConfiguration configuration = new BaseConfiguration();
        configuration.addProperty("purgeInterval", "10m");

        assertThat(MessageTraceConfiguration.from(configuration).purgeInterval()).isEqualTo(Duration.ofMinutes(10));
    }

    @ParameterizedTest
    @CsvSource({"retention, fortnight", "retention, 0d", "retention, -3d", "retension, 30d", "purgeInterval, 0s", "purgeInterval, often"})
    void fromShouldFailNamingTheKeyWhenKeyUnknownOrValueInvalid(String key, String value) {
        BaseConfiguration configuration = new BaseConfiguration();
        configuration.addProperty(key, value);

        assertThatThrownBy(() -> MessageTraceConfiguration.from(configuration))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(key);
    }
}
