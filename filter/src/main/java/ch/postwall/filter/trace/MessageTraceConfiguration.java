package ch.postwall.filter.trace;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.apache.commons.configuration2.Configuration;
import org.apache.james.util.DurationParser;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;

/** Settings of the message trace, read from {@code messagetrace.properties}. */
public record MessageTraceConfiguration(Duration retention) {
    public static final String RETENTION_KEY = "retention";
    /** The shared log period. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(14);
    public static final MessageTraceConfiguration DEFAULT = new MessageTraceConfiguration(DEFAULT_RETENTION);

    private static final Set<String> KNOWN_KEYS = Set.of(RETENTION_KEY);

    public static MessageTraceConfiguration from(Configuration configuration) {
        List<String> unknown = ImmutableList.copyOf(configuration.getKeys()).stream()
            .filter(key -> !KNOWN_KEYS.contains(key))
            .toList();
        Preconditions.checkArgument(unknown.isEmpty(), "Unknown message trace configuration keys: %s", unknown);
        String retention = configuration.getString(RETENTION_KEY, null);
        if (retention == null) {
            return DEFAULT;
        }
        try {
            return new MessageTraceConfiguration(DurationParser.parse(retention));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid value '" + retention + "' for key " + RETENTION_KEY
                + " (expected a positive duration such as 14d)", e);
        }
    }

    public MessageTraceConfiguration {
        Objects.requireNonNull(retention, RETENTION_KEY);
        Preconditions.checkArgument(!retention.isNegative() && !retention.isZero(),
            "Invalid value for key %s: the retention must be positive", RETENTION_KEY);
    }
}
