package ch.postwall.retention.policy;

import java.time.Duration;
import java.util.Optional;

import com.google.common.base.Preconditions;

/**
 * The product limits of one kind of content in a domain. An empty minimum lets users choose any
 * retention; an empty maximum lets them keep content forever.
 */
public record RetentionLimits(Optional<Duration> minimum, Optional<Duration> maximum) {
    public static final RetentionLimits NONE = new RetentionLimits(Optional.empty(), Optional.empty());

    public RetentionLimits {
        minimum.ifPresent(min -> checkPositive(min, "minimum"));
        maximum.ifPresent(max -> checkPositive(max, "maximum"));
        minimum.ifPresent(min -> maximum.ifPresent(max -> Preconditions.checkArgument(min.compareTo(max) <= 0,
            "Retention minimum %s exceeds maximum %s", min, max)));
    }

    public boolean allows(Optional<Duration> period) {
        boolean longEnough = minimum.map(min -> period.map(p -> p.compareTo(min) >= 0).orElse(true)).orElse(true);
        boolean shortEnough = maximum.map(max -> period.map(p -> p.compareTo(max) <= 0).orElse(false)).orElse(true);
        return longEnough && shortEnough;
    }

    /**
     * The period that applies to a stored choice: limits may have been tightened after the user chose,
     * and content is never kept longer (nor deleted sooner) than the current limits say.
     */
    public Optional<Duration> clamp(Optional<Duration> period) {
        Optional<Duration> atMostMaximum = maximum.map(max -> period.filter(p -> p.compareTo(max) < 0).orElse(max))
            .or(() -> period);
        return atMostMaximum.map(p -> minimum.filter(min -> p.compareTo(min) < 0).orElse(p));
    }

    static void checkPositive(Duration period, String what) {
        Preconditions.checkArgument(!period.isNegative() && !period.isZero(), "Retention %s must be positive: %s", what, period);
    }
}
