package ch.postwall.retention.enforcement;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.apache.commons.configuration2.Configuration;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;

import ch.postwall.mailbox.configuration.ConfigurationValues;

/**
 * Settings of retention enforcement, read from {@code retention.properties}.
 *
 * @param enforcementInterval how often every user's retention is enforced (key {@value #INTERVAL_KEY}, default 1 day)
 * @param enforcementDelay    how long after the start the first runs of enforcement and wipe begin (key
 *                            {@value #DELAY_KEY}, default 1 hour, so that a restart does not start with a full scan)
 * @param wipeInterval        how often terminated contracts whose export window closed are wiped (key
 *                            {@value #WIPE_INTERVAL_KEY}, default 1 hour)
 */
public record RetentionConfiguration(Duration enforcementInterval, Duration enforcementDelay, Duration wipeInterval) {
    public static final String INTERVAL_KEY = "enforcement.interval";
    public static final String DELAY_KEY = "enforcement.delay";
    public static final String WIPE_INTERVAL_KEY = "wipe.interval";
    public static final Duration DEFAULT_INTERVAL = Duration.ofDays(1);
    public static final Duration DEFAULT_DELAY = Duration.ofHours(1);
    public static final Duration DEFAULT_WIPE_INTERVAL = Duration.ofHours(1);
    public static final RetentionConfiguration DEFAULT = builder().build();

    private static final Set<String> KNOWN_KEYS = Set.of(INTERVAL_KEY, DELAY_KEY, WIPE_INTERVAL_KEY);

    public static Builder builder() {
        return new Builder();
    }

    public static RetentionConfiguration from(Configuration configuration) {
        List<String> unknown = ImmutableList.copyOf(configuration.getKeys()).stream()
            .filter(key -> !KNOWN_KEYS.contains(key))
            .toList();
        Preconditions.checkArgument(unknown.isEmpty(), "Unknown retention configuration keys: %s", unknown);
        Builder builder = builder();
        ConfigurationValues.duration(configuration, INTERVAL_KEY).ifPresent(builder::enforcementInterval);
        ConfigurationValues.duration(configuration, DELAY_KEY).ifPresent(builder::enforcementDelay);
        ConfigurationValues.duration(configuration, WIPE_INTERVAL_KEY).ifPresent(builder::wipeInterval);
        return builder.build();
    }

    public RetentionConfiguration {
        Objects.requireNonNull(enforcementDelay, DELAY_KEY);
        checkPositive(enforcementInterval, INTERVAL_KEY);
        checkPositive(wipeInterval, WIPE_INTERVAL_KEY);
        Preconditions.checkArgument(!enforcementDelay.isNegative(), "Invalid value for key %s: must not be negative", DELAY_KEY);
    }

    private static void checkPositive(Duration duration, String key) {
        Objects.requireNonNull(duration, key);
        Preconditions.checkArgument(!duration.isNegative() && !duration.isZero(), "Invalid value for key %s: must be positive", key);
    }

    public static class Builder {
        private Duration enforcementInterval = DEFAULT_INTERVAL;
        private Duration enforcementDelay = DEFAULT_DELAY;
        private Duration wipeInterval = DEFAULT_WIPE_INTERVAL;

        public Builder enforcementInterval(Duration enforcementInterval) {
            this.enforcementInterval = enforcementInterval;
            return this;
        }

        public Builder enforcementDelay(Duration enforcementDelay) {
            this.enforcementDelay = enforcementDelay;
            return this;
        }

        public Builder wipeInterval(Duration wipeInterval) {
            this.wipeInterval = wipeInterval;
            return this;
        }

        public RetentionConfiguration build() {
            return new RetentionConfiguration(enforcementInterval, enforcementDelay, wipeInterval);
        }
    }
}
