package ch.postwall.filter.trace;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.configuration2.Configuration;
import org.apache.james.util.DurationParser;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;

/**
 * Settings of the message trace, read from {@code messagetrace.properties}.
 *
 * @param retention     how long entries are kept (key {@value #RETENTION_KEY}, default 14 days, the shared log period)
 * @param purgeInterval how often expired entries are deleted where the backend has no expiry of its own
 *                      (key {@value #PURGE_INTERVAL_KEY}, default 1 hour)
 */
public record MessageTraceConfiguration(Duration retention, Duration purgeInterval) {
    public static final String RETENTION_KEY = "retention";
    public static final String PURGE_INTERVAL_KEY = "purgeInterval";
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(14);
    public static final Duration DEFAULT_PURGE_INTERVAL = Duration.ofHours(1);
    public static final MessageTraceConfiguration DEFAULT = builder().build();

    private static final Set<String> KNOWN_KEYS = Set.of(RETENTION_KEY, PURGE_INTERVAL_KEY);

    public static Builder builder() {
        return new Builder();
    }

    public static MessageTraceConfiguration from(Configuration configuration) {
        List<String> unknown = ImmutableList.copyOf(configuration.getKeys()).stream()
            .filter(key -> !KNOWN_KEYS.contains(key))
            .toList();
        Preconditions.checkArgument(unknown.isEmpty(), "Unknown message trace configuration keys: %s", unknown);
        Builder builder = builder();
        duration(configuration, RETENTION_KEY).ifPresent(builder::retention);
        duration(configuration, PURGE_INTERVAL_KEY).ifPresent(builder::purgeInterval);
        return builder.build();
    }

    private static Optional<Duration> duration(Configuration configuration, String key) {
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

    public MessageTraceConfiguration {
        checkPositive(retention, RETENTION_KEY);
        checkPositive(purgeInterval, PURGE_INTERVAL_KEY);
    }

    private static void checkPositive(Duration duration, String key) {
        Objects.requireNonNull(duration, key);
        Preconditions.checkArgument(!duration.isNegative() && !duration.isZero(), "Invalid value for key %s: must be positive", key);
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

        public MessageTraceConfiguration build() {
            return new MessageTraceConfiguration(retention, purgeInterval);
        }
    }
}
