package ch.postwall.server.bench;

import java.util.Arrays;

/** Request latencies of one kind, with nearest-rank percentiles. */
final class Latencies {
    private final long[] nanos;
    private int count;

    Latencies(int capacity) {
        this.nanos = new long[capacity];
    }

    void record(long elapsedNanos) {
        nanos[count++] = elapsedNanos;
    }

    /** NaN when nothing was recorded, e.g. no sample message became searchable: the table then shows NaN. */
    double percentileMillis(double percentile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100 * count);
        return sorted[Math.max(rank, 1) - 1] / 1_000_000.0;
    }
}
