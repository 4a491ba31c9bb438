package ch.postwall.filter.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ch.postwall.mailbox.testing.ControllableClock;

public interface ReleaseClaimStoreContract {
    Instant START = Instant.parse("2026-11-20T10:00:00Z");
    String MAIL = "alice@example.com/Mail-1";
    int THREADS = 8;

    /** Shared by the store under test and the contract; reset before each test. */
    ControllableClock CLOCK = new ControllableClock(START);

    ReleaseClaimStore store();

    @BeforeEach
    default void resetClock() {
        CLOCK.set(START);
    }

    @Test
    default void claimShouldBeWonOnceWhileLive() {
        assertThat(store().claim(MAIL)).isTrue();
        assertThat(store().claim(MAIL)).isFalse();
        assertThat(store().claim("alice@example.com/Mail-2")).isTrue();
    }

    @Test
    default void claimShouldBeWonAgainOnceDropped() {
        store().claim(MAIL);

        store().drop(MAIL);

        assertThat(store().claim(MAIL)).isTrue();
    }

    @Test
    default void staleClaimShouldBeTakenOverOnce() {
        store().claim(MAIL);
        CLOCK.advance(ReleaseClaimStore.STALE_AFTER);

        assertThat(store().claim(MAIL)).isTrue();
        assertThat(store().claim(MAIL)).isFalse();
    }

    @Test
    default void liveClaimShouldNotBeTakenOver() {
        store().claim(MAIL);
        CLOCK.advance(ReleaseClaimStore.STALE_AFTER.minus(Duration.ofSeconds(1)));

        assertThat(store().claim(MAIL)).isFalse();
    }

    @Test
    default void concurrentClaimsShouldHaveOneWinner() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                Callable<Boolean> claim = () -> {
                    start.await();
                    return store().claim(MAIL);
                };
                claims.add(executor.submit(claim));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }

            assertThat(won).isEqualTo(1);
        } finally {
            executor.shutdownNow();
        }
    }
}
