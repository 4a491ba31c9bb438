package ch.postwall.retention.export;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.apache.commons.configuration2.Configuration;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;

import ch.postwall.mailbox.configuration.ConfigurationValues;

/**
 * Settings of export archives, read from {@code export.properties} (optional).
 *
 * @param archiveExpiry how long a written archive can be downloaded before it is deleted (key {@value #EXPIRY_KEY},
 *                      default 7 days)
 * @param purgeInterval how often expired archives are looked for (key {@value #PURGE_INTERVAL_KEY}, default 1 hour)
 */
public record ExportConfiguration(Duration archiveExpiry, Duration purgeInterval) {
    public static final String EXPIRY_KEY = "archive.expiry";
    public static final String PURGE_INTERVAL_KEY = "purge.interval";
    public static final Duration DEFAULT_EXPIRY = Duration.ofDays(7);
    public static final Duration DEFAULT_PURGE_INTERVAL = Duration.ofHours(1);
    public static final ExportConfiguration DEFAULT = builder().build();

    private static final Set<String> KNOWN_KEYS = Set.of(EXPIRY_KEY, PURGE_INTERVAL_KEY);

    public static Builder builder() {
        return new Builder();
    }

    public static ExportConfiguration from(Configuration configuration) {
        List<String> unknown = ImmutableList.copyOf(configuration.getKeys()).stream()
            .filter(key -> !KNOWN_KEYS.contains(key))
            .toList();
        Preconditions.checkArgument(unknown.isEmpty(), "Unknown export configuration keys: %s", unknown);
        Builder builder = builder();
        ConfigurationValues.duration(configuration, EXPIRY_KEY).ifPresent(builder::archiveExpiry);
        ConfigurationValues.duration(configuration, PURGE_INTERVAL_KEY).ifPresent(builder::purgeInterval);
        return builder.build();
    }

    public ExportConfiguration {
        checkPositive(archiveExpiry, EXPIRY_KEY);
        checkPositive(purgeInterval, PURGE_INTERVAL_KEY);
    }

    private static void checkPositive(Duration duration, String key) {
        Objects.requireNonNull(duration, key);
        Preconditions.checkArgument(!duration.isNegative() && !duration.isZero(), "Invalid value for key %s: must be positive", key);
    }

    public static class Builder {
        private Duration archiveExpiry = DEFAULT_EXPIRY;
        private Duration purgeInterval = DEFAULT_PURGE_INTERVAL;

        public Builder archiveExpiry(Duration archiveExpiry) {
            this.archiveExpiry = archiveExpiry;
            return this;
        }

        public Builder purgeInterval(Duration purgeInterval) {
            this.purgeInterval = purgeInterval;
            return this;
        }

        public ExportConfiguration build() {
            return new ExportConfiguration(archiveExpiry, purgeInterval);
        }
    }
}
