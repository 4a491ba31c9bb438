package ch.postwall.retention.export;

import static ch.postwall.retention.testing.ConfigurationSamples.properties;
import static ch.postwall.retention.testing.ConfigurationSamples.shipped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.apache.commons.configuration2.PropertiesConfiguration;
import org.junit.jupiter.api.Test;

class ExportConfigurationTest {
    @Test
    void fromShouldApplyTheDefaultsWhenEmpty() {
        assertThat(ExportConfiguration.from(new PropertiesConfiguration()))
            .isEqualTo(new ExportConfiguration(Duration.ofDays(7), Duration.ofHours(1)));
    }

    @Test
    void fromShouldReadEveryKeyOfTheShippedSample() throws Exception {
        PropertiesConfiguration sample = shipped("export.properties");

        assertThat(ExportConfiguration.from(sample)).isEqualTo(ExportConfiguration.DEFAULT);
    }

    @Test
    void fromShouldReadDurations() {
        PropertiesConfiguration properties = properties(ExportConfiguration.EXPIRY_KEY, "2d");
        properties.addProperty(ExportConfiguration.PURGE_INTERVAL_KEY, "10m");

        assertThat(ExportConfiguration.from(properties)).isEqualTo(new ExportConfiguration(Duration.ofDays(2), Duration.ofMinutes(10)));
    }

    @Test
    void fromShouldNameTheUnknownKey() {
        assertThatThrownBy(() -> ExportConfiguration.from(properties("archive.expiri", "1d"))).hasMessageContaining("archive.expiri");
    }

    @Test
    void fromShouldNameTheKeyOfAnInvalidValue() {
        assertThatThrownBy(() -> ExportConfiguration.from(properties(ExportConfiguration.EXPIRY_KEY, "0s")))
            .hasMessageContaining(ExportConfiguration.EXPIRY_KEY);
        assertThatThrownBy(() -> ExportConfiguration.from(properties(ExportConfiguration.PURGE_INTERVAL_KEY, "often")))
            .hasMessageContaining(ExportConfiguration.PURGE_INTERVAL_KEY);
    }
}
