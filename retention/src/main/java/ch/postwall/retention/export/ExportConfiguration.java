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
 * Settings of requested export archives, read from {@code export.properties} (optional).
 *
 * @param expiry        how long a finished archive can be downloaded before it is deleted (key {@value #EXPIRY_KEY},
 *                      default 7 days)
 * @param purgeInterval how often expired archives are deleted (key {@value #PURGE_INTERVAL_KEY}, default 1 hour)
 */
public record ExportConfiguration(Duration expiry, Duration purgeInterval) {
    public static final String EXPIRY_KEY = "archive.expiry";
    public static final String PURGE_INTERVAL_KEY = "archive.purgeInterval";
    public static final Duration DEFAULT_EXPIRY = Duration.ofDays(7);
    public static final Duration DEFAULT_PURGE_INTERVAL = Duration.ofHours(1);
    public static final ExportConfiguration DEFAULT = new ExportConfiguration(DEFAULT_EXPIRY, DEFAULT_PURGE_INTERVAL);

    private static final Set<String> KNOWN_KEYS = Set.of(EXPIRY_KEY, PURGE_INTERVAL_KEY);

    public static ExportConfiguration from(Configuration configuration) {
        List<String> unknown = ImmutableList.copyOf(configuration.getKeys()).stream()
            .filter(key -> !KNOWN_KEYS.contains(key))
            .toList();
        Preconditions.checkArgument(unknown.isEmpty(), "Unknown export configuration keys: %s", unknown);
        return new ExportConfiguration(
            ConfigurationValues.duration(configuration, EXPIRY_KEY).orElse(DEFAULT_EXPIRY),
            ConfigurationValues.duration(configuration, PURGE_INTERVAL_KEY).orElse(DEFAULT_PURGE_INTERVAL));
    }

    public ExportConfiguration {
        Objects.requireNonNull(expiry, EXPIRY_KEY);
        Objects.requireNonNull(purgeInterval, PURGE_INTERVAL_KEY);
        Preconditions.checkArgument(!expiry.isNegative() && !expiry.isZero(), "Invalid value for key %s: must be positive", EXPIRY_KEY);
        Preconditions.checkArgument(!purgeInterval.isNegative() && !purgeInterval.isZero(),
            "Invalid value for key %s: must be positive", PURGE_INTERVAL_KEY);
    }
}
