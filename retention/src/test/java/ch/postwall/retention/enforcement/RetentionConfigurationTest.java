package ch.postwall.retention.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.builder.FileBasedConfigurationBuilder;
import org.apache.commons.configuration2.builder.fluent.Parameters;
import org.junit.jupiter.api.Test;

class RetentionConfigurationTest {
    private static PropertiesConfiguration properties(String key, String value) {
        PropertiesConfiguration configuration = new PropertiesConfiguration();
        configuration.addProperty(key, value);
        return configuration;
    }

    @Test
    void fromShouldApplyTheDefaultsWhenEmpty() {
        assertThat(RetentionConfiguration.from(new PropertiesConfiguration())).isEqualTo(RetentionConfiguration.DEFAULT);
        assertThat(RetentionConfiguration.DEFAULT.enforcementInterval()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void fromShouldReadEveryKeyOfTheShippedSample() throws Exception {
        PropertiesConfiguration sample = new FileBasedConfigurationBuilder<>(PropertiesConfiguration.class)
            .configure(new Parameters().fileBased().setFile(Path.of("..", "conf", "retention.properties").toFile()))
            .getConfiguration();

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
