package ch.postwall.retention.access;

import java.time.Duration;
import java.util.Objects;

import org.apache.commons.configuration2.Configuration;

import com.google.common.base.Preconditions;

import ch.postwall.mailbox.configuration.ConfigurationValues;

/**
 * How long access log entries are kept. The period is the shared log period: it is read from the same key
 * as the message trace's ({@value #RETENTION_KEY} in {@code messagetrace.properties}, default 14 days), so
 * both logs are always kept exactly as long. The file's other keys belong to the message trace.
 *
 * @param retention     key {@value #RETENTION_KEY}, default 14 days
 * @param purgeInterval how often expired entries are deleted where the backend has no expiry of its own
 *                      (key {@value #PURGE_INTERVAL_KEY}, default 1 hour)
 */
public record AccessLogConfiguration(Duration retention, Duration purgeInterval) {
    public static final String RETENTION_KEY = "retention";
    public static final String PURGE_INTERVAL_KEY = "purgeInterval";
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(14);
    public static final Duration DEFAULT_PURGE_INTERVAL = Duration.ofHours(1);
    public static final AccessLogConfiguration DEFAULT = new AccessLogConfiguration(DEFAULT_RETENTION, DEFAULT_PURGE_INTERVAL);

    /** Reads the shared log settings; unknown keys are left to the message trace, which owns the file. */
    public static AccessLogConfiguration from(Configuration configuration) {
        return new AccessLogConfiguration(
            ConfigurationValues.duration(configuration, RETENTION_KEY).orElse(DEFAULT_RETENTION),
            ConfigurationValues.duration(configuration, PURGE_INTERVAL_KEY).orElse(DEFAULT_PURGE_INTERVAL));
    }

    public AccessLogConfiguration {
        Objects.requireNonNull(retention, RETENTION_KEY);
        Objects.requireNonNull(purgeInterval, PURGE_INTERVAL_KEY);
        Preconditions.checkArgument(!retention.isNegative() && !retention.isZero(), "Invalid value for key %s: must be positive", RETENTION_KEY);
        Preconditions.checkArgument(!purgeInterval.isNegative() && !purgeInterval.isZero(), "Invalid value for key %s: must be positive", PURGE_INTERVAL_KEY);
    }
}
