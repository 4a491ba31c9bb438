package ch.postwall.mailbox.embedded;

import static org.apache.james.events.EventBusTestFixture.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.apache.james.events.EventDeadLetters;
import org.apache.james.events.MemoryEventDeadLetters;
import org.apache.james.mailbox.store.quota.ListeningCurrentQuotaUpdater;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;

class BackgroundQuotaUpdaterTest {
    private final ListeningCurrentQuotaUpdater updater = mock(ListeningCurrentQuotaUpdater.class);
    private final EventDeadLetters deadLetters = new MemoryEventDeadLetters();
    private final BackgroundQuotaUpdater background = new BackgroundQuotaUpdater(updater, deadLetters);

    @AfterEach
    void tearDown() {
        background.close();
    }

    @Test
    void theDispatchShouldNotWaitForTheQuotaUpdate() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        when(updater.reactiveEvent(any())).thenReturn(Mono.fromRunnable(() -> awaitQuietly(release)));

        Mono.from(background.reactiveEvent(EVENT)).block(Duration.ofSeconds(5));

        release.countDown();
        background.updatedSoFar().block();
        verify(updater).reactiveEvent(EVENT);
    }

    @Test
    void anUpdateThatKeepsFailingShouldBeKeptInTheDeadLettersOfJamesUpdaterGroup() {
        when(updater.getDefaultGroup()).thenReturn(ListeningCurrentQuotaUpdater.GROUP);
        when(updater.reactiveEvent(any())).thenReturn(Mono.error(new IllegalStateException("database down")));

        Mono.from(background.reactiveEvent(EVENT)).block();
        background.updatedSoFar().block();

        assertThat(background.getDefaultGroup()).isEqualTo(ListeningCurrentQuotaUpdater.GROUP);
        assertThat(deadLetters.failedIds(ListeningCurrentQuotaUpdater.GROUP).collectList().block()).hasSize(1);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
