package ch.postwall.filter.protocollog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.apache.commons.configuration2.BaseConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtocolLogConfigurationTest {
    @Test
    void fromShouldUseOneYearAndOneHourWhenKeysAbsent() {
        ProtocolLogConfiguration configuration = ProtocolLogConfiguration.from(new BaseConfiguration());

        assertThat(configuration.retention()).isEqualTo(Duration.ofDays(365));
        assertThat(configuration.purgeInterval()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void fromShouldReadBothKeysWhenGiven() {
        BaseConfiguration configuration = new BaseConfiguration();
        configuration.addProperty("retention", "90d");
        configuration.addProperty("purgeInterval", "10m");

        assertThat(ProtocolLogConfiguration.from(configuration))
            .isEqualTo(new ProtocolLogConfiguration(Duration.ofDays(90), Duration.ofMinutes(10)));
    }

    @ParameterizedTest
    @CsvSource({"retention, forever", "retention, 0d", "retention, -3d", "retension, 30d", "purgeInterval, 0s"})
    void fromShouldFailNamingTheKeyWhenKeyUnknownOrValueInvalid(String key, String value) {
        BaseConfiguration configuration = new BaseConfiguration();
        configuration.addProperty(key, value);

        assertThatThrownBy(() -> ProtocolLogConfiguration.from(configuration))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(key);
    }
}
