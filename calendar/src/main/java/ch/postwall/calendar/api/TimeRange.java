package ch.postwall.calendar.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A half-open interval [start, end). Unbounded ends use the extreme millisecond instants so that
 * every backend can store them as a plain 64-bit number.
 */
public record TimeRange(Instant start, Instant end) {
    public static final Instant MIN = Instant.ofEpochMilli(Long.MIN_VALUE);
    public static final Instant MAX = Instant.ofEpochMilli(Long.MAX_VALUE);
    public static final TimeRange ALWAYS = new TimeRange(MIN, MAX);

    public TimeRange {
        Objects.requireNonNull(start);
        Objects.requireNonNull(end);
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("Time range ends before it starts: " + start + " > " + end);
        }
    }

    public static TimeRange ofEpochMillis(long start, long end) {
        return new TimeRange(Instant.ofEpochMilli(start), Instant.ofEpochMilli(end));
    }

    /** True when the ranges share an instant; an empty range at the other's start counts (RFC 4791 9.9). */
    public boolean overlaps(TimeRange other) {
        return start.isBefore(other.end) && (other.start.isBefore(end) || other.start.equals(start));
    }

    public boolean isUnboundedEnd() {
        return end.equals(MAX);
    }
}
