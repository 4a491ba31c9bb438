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
    void fromShouldDefaultToFourteenDaysWhenRetentionAbsent() {
        assertThat(MessageTraceConfiguration.from(new BaseConfiguration()).retention()).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void fromShouldReadRetentionWhenGiven() {
        BaseConfiguration configuration = new BaseConfiguration();
        configuration.addProperty("retention", "30d");

        assertThat(MessageTraceConfiguration.from(configuration).retention()).isEqualTo(Duration.ofDays(30));
    }

    @ParameterizedTest
    @CsvSource({"retention, fortnight", "retention, 0d", "retention, -3d", "retension, 30d"})
    void fromShouldFailNamingTheKeyWhenKeyUnknownOrValueInvalid(String key, String value) {
        BaseConfiguration configuration = new BaseConfiguration();
        configuration.addProperty(key, value);

        assertThatThrownBy(() -> MessageTraceConfiguration.from(configuration))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(key);
    }
}
