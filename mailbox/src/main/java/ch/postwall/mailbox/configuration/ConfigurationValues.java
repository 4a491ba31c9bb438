package ch.postwall.mailbox.configuration;

import java.time.Duration;
import java.util.Optional;

import org.apache.commons.configuration2.Configuration;
import org.apache.james.util.DurationParser;

/** Typed reading of our configuration files, failing with a message that names the key. */
public final class ConfigurationValues {
    private ConfigurationValues() {
    }

    /** The duration under the key (a number and a unit: ms, s, m, h, d, w), empty when the key is absent. */
    public static Optional<Duration> duration(Configuration configuration, String key) {
        return Optional.ofNullable(configuration.getString(key, null))
            .map(value -> {
                try {
                    return DurationParser.parse(value);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Invalid value '" + value + "' for key " + key
                        + " (expected a positive duration such as 14d or 1h)", e);
                }
            });
    }
}
