package ch.postwall.filter.protocollog;

import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;

import org.apache.commons.configuration2.Configuration;
import org.apache.james.util.DurationParser;

import com.google.common.base.Preconditions;

/**
 * Settings of the SMTP protocol log, read from {@code protocollog.properties}.
 *
 * @param retention     how long a session's transcript is kept after its start (key {@value #RETENTION_KEY}, default one year)
 * @param purgeInterval how often expired transcripts are deleted where the backend has no expiry of its own
 *                      (key {@value #PURGE_INTERVAL_KEY}, default 1 hour)
 */
public record ProtocolLogConfiguration(Duration retention, Duration purgeInterval) {
    public static final String RETENTION_KEY = "retention";
    public static final String PURGE_INTERVAL_KEY = "purgeInterval";
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(365);
    public static final Duration DEFAULT_PURGE_INTERVAL = Duration.ofHours(1);
    public static final ProtocolLogConfiguration DEFAULT = builder().build();

    public ProtocolLogConfiguration {
        requirePositive(retention, RETENTION_KEY);
        requirePositive(purgeInterval, PURGE_INTERVAL_KEY);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static ProtocolLogConfiguration from(Configuration configuration) {
        Builder builder = builder();
        for (Iterator<String> keys = configuration.getKeys(); keys.hasNext(); ) {
            String key = keys.next();
            Duration value = parse(key, configuration.getString(key));
            switch (key) {
                case RETENTION_KEY -> builder.retention(value);
                case PURGE_INTERVAL_KEY -> builder.purgeInterval(value);
                default -> throw new IllegalArgumentException("Unknown protocol log configuration key: " + key);
            }
        }
        return builder.build();
    }

    private static Duration parse(String key, String value) {
        try {
            Duration duration = DurationParser.parse(value);
            requirePositive(duration, key);
            return duration;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid value '" + value + "' for protocol log key " + key
                + " (expected a positive duration such as 365d or 1h)", e);
        }
    }

    private static void requirePositive(Duration duration, String key) {
        Objects.requireNonNull(duration, key);
        Preconditions.checkArgument(duration.compareTo(Duration.ZERO) > 0, "%s must be positive", key);
    }

    public static class Builder {
        private Duration retention = DEFAULT_RETENTION;
        private Duration purgeInterval = DEFAULT_PURGE_INTERVAL;

        public Builder retention(Duration retention) {
            this.retention = retention;
            return this;
        }

        public Builder purgeInterval(Duration purgeInterval) {
            this.purgeInterval = purgeInterval;
            return this;
        }

        public ProtocolLogConfiguration build() {
            return new ProtocolLogConfiguration(retention, purgeInterval);
        }
    }
}
