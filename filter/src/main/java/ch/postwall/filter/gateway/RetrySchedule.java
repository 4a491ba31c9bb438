package ch.postwall.filter.gateway;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.james.util.DurationParser;

import com.google.common.base.Preconditions;

/**
 * The waits between delivery attempts: the n-th failure waits the n-th delay, and failures past
 * the end of the list wait the last delay again (until the route's retry period is over).
 */
public record RetrySchedule(List<Duration> delays) {
    public static final RetrySchedule DEFAULT = parse("5m,15m,30m,1h,2h,4h");

    /** Parses a comma separated list of durations such as {@code 5m,15m,1h} (unit defaults to seconds). */
    public static RetrySchedule parse(String value) {
        return new RetrySchedule(Arrays.stream(value.split(","))
            .map(String::trim)
            .map(DurationParser::parse)
            .collect(Collectors.toList()));
    }

    public RetrySchedule {
        Preconditions.checkArgument(!delays.isEmpty(), "A retry schedule needs at least one delay");
        Preconditions.checkArgument(delays.stream().noneMatch(delay -> delay.isNegative() || delay.isZero()),
            "Retry delays must be positive");
        delays = List.copyOf(delays);
    }

    /** The wait after the given number of failed attempts (1 for the first failure). */
    public Duration delayAfterFailures(int failures) {
        Preconditions.checkArgument(failures >= 1, "At least one failure is needed to wait for a retry");
        return delays.get(Math.min(failures, delays.size()) - 1);
    }

    /** Milliseconds, comma separated: a lossless text form for storage. */
    public String asMillis() {
        return delays.stream().map(delay -> String.valueOf(delay.toMillis())).collect(Collectors.joining(","));
    }

    public static RetrySchedule fromMillis(String value) {
        return new RetrySchedule(Arrays.stream(value.split(","))
            .map(millis -> Duration.ofMillis(Long.parseLong(millis)))
            .collect(Collectors.toList()));
    }
}
