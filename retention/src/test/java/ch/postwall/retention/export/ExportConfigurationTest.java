package ch.postwall.retention.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.builder.FileBasedConfigurationBuilder;
import org.apache.commons.configuration2.builder.fluent.Parameters;
import org.junit.jupiter.api.Test;

class ExportConfigurationTest {
    @Test
    void fromShouldApplyTheDefaultsWhenEmpty() {
        assertThat(ExportConfiguration.from(new PropertiesConfiguration()))
            .isEqualTo(new ExportConfiguration(Duration.ofDays(7), Duration.ofHours(1)));
    }

    @Test
    void fromShouldReadEveryKeyOfTheShippedSample() throws Exception {
        PropertiesConfiguration sample = new FileBasedConfigurationBuilder<>(PropertiesConfiguration.class)
            .configure(new Parameters().fileBased().setFile(Path.of("..", "conf", "export.properties").toFile()))
            .getConfiguration();

        assertThat(ExportConfiguration.from(sample)).isEqualTo(ExportConfiguration.DEFAULT);
    }

    @Test
    void fromShouldReadDurations() {
        PropertiesConfiguration properties = new PropertiesConfiguration();
        properties.addProperty(ExportConfiguration.EXPIRY_KEY, "2d");
        properties.addProperty(ExportConfiguration.PURGE_INTERVAL_KEY, "10m");

        assertThat(ExportConfiguration.from(properties)).isEqualTo(new ExportConfiguration(Duration.ofDays(2), Duration.ofMinutes(10)));
    }

    @Test
    void fromShouldNameTheUnknownKeyAndTheKeyOfAnInvalidValue() {
        PropertiesConfiguration unknown = new PropertiesConfiguration();
        unknown.addProperty("archive.expire", "1d");
        PropertiesConfiguration invalid = new PropertiesConfiguration();
        invalid.addProperty(ExportConfiguration.EXPIRY_KEY, "0s");

        assertThatThrownBy(() -> ExportConfiguration.from(unknown)).hasMessageContaining("archive.expire");
        assertThatThrownBy(() -> ExportConfiguration.from(invalid)).hasMessageContaining(ExportConfiguration.EXPIRY_KEY);
    }
}
