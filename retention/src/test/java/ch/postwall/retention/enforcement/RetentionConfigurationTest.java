package ch.postwall.retention.enforcement;

import static ch.postwall.retention.testing.ConfigurationSamples.properties;
import static ch.postwall.retention.testing.ConfigurationSamples.shipped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.apache.commons.configuration2.PropertiesConfiguration;
import org.junit.jupiter.api.Test;

class RetentionConfigurationTest {
    @Test
    void fromShouldApplyTheDefaultsWhenEmpty() {
        assertThat(RetentionConfiguration.from(new PropertiesConfiguration())).isEqualTo(RetentionConfiguration.DEFAULT);
        assertThat(RetentionConfiguration.DEFAULT.enforcementInterval()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void fromShouldReadEveryKeyOfTheShippedSample() throws Exception {
        PropertiesConfiguration sample = shipped("retention.properties");

        assertThat(RetentionConfiguration.from(sample)).isEqualTo(RetentionConfiguration.DEFAULT);
    }

    @Test
    void fromShouldReadDurations() {
        PropertiesConfiguration properties = properties(RetentionConfiguration.INTERVAL_KEY, "12h");
        properties.addProperty(RetentionConfiguration.DELAY_KEY, "0s");
        properties.addProperty(RetentionConfiguration.WIPE_INTERVAL_KEY, "5m");

        assertThat(RetentionConfiguration.from(properties))
            .isEqualTo(new RetentionConfiguration(Duration.ofHours(12), Duration.ZERO, Duration.ofMinutes(5)));
    }

    @Test
    void fromShouldNameTheUnknownKey() {
        assertThatThrownBy(() -> RetentionConfiguration.from(properties("enforcement.intervall", "1d")))
            .hasMessageContaining("enforcement.intervall");
    }

    @Test
    void fromShouldNameTheKeyOfAnInvalidValue() {
        assertThatThrownBy(() -> RetentionConfiguration.from(properties(RetentionConfiguration.WIPE_INTERVAL_KEY, "soon")))
            .hasMessageContaining("wipe.interval");
        assertThatThrownBy(() -> RetentionConfiguration.from(properties(RetentionConfiguration.INTERVAL_KEY, "0s")))
            .hasMessageContaining("enforcement.interval");
    }
}
