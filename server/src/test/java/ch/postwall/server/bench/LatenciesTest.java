package ch.postwall.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {
    @Test
    void percentileShouldBeTheNearestRankWhenLatenciesAreRecordedOutOfOrder() {
        Latencies latencies = new Latencies(100);
        for (int millis = 100; millis >= 1; millis--) {
            latencies.record(millis * 1_000_000L);
        }

        assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
        assertThat(latencies.percentileMillis(100)).isEqualTo(100.0);
    }

    @Test
    void percentileShouldBeTheOnlyValueWhenOneLatencyIsRecorded() {
        Latencies latencies = new Latencies(1);
        latencies.record(2_500_000L);

        assertThat(latencies.percentileMillis(50)).isEqualTo(2.5);
        assertThat(latencies.percentileMillis(99)).isEqualTo(2.5);
    }

    @Test
    void percentileShouldBeNaNWhenNothingIsRecorded() {
        assertThat(new Latencies(3).percentileMillis(50)).isNaN();
    }
}
