package ch.postwall.mailbox.events;

import static org.apache.james.events.EventBusTestFixture.EVENT;
import static org.apache.james.events.EventBusTestFixture.EVENT_2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.events.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;

class OrderedEventWorkerTest {
    private static final int BACKLOG = 2;
    private final List<Event> applied = new CopyOnWriteArrayList<>();
    private final List<Event> failed = new CopyOnWriteArrayList<>();
    private OrderedEventWorker worker;

    @AfterEach
    void tearDown() {
        worker.close(Duration.ofSeconds(10));
    }

    @Test
    void eventsShouldBeAppliedInTheOrderTheyWereSubmitted() {
        worker = new OrderedEventWorker("test", BACKLOG, applied::add, (event, cause) -> failed.add(event));

        worker.submit(EVENT);
        worker.submit(EVENT_2);
        worker.doneSoFar().block();

        assertThat(applied).containsExactly(EVENT, EVENT_2);
    }

    @Test
    void submitShouldNotWaitForTheAction() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        worker = workerHeldUntil(release);

        worker.submit(EVENT);

        assertThat(applied).isEmpty();
        release.countDown();
        worker.doneSoFar().block();
        assertThat(applied).containsExactly(EVENT);
    }

    @Test
    void anEventFailingOnceShouldBeRetried() {
        AtomicInteger attempts = new AtomicInteger();
        worker = new OrderedEventWorker("test", BACKLOG, event -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("transient");
            }
            applied.add(event);
        }, (event, cause) -> failed.add(event));

        worker.submit(EVENT);
        worker.doneSoFar().block();

        assertThat(applied).containsExactly(EVENT);
        assertThat(failed).isEmpty();
    }

    @Test
    void anEventThatKeepsFailingShouldBeGivenUpAndTheNextOnesStillApplied() {
        worker = new OrderedEventWorker("test", BACKLOG, event -> {
            if (event == EVENT) {
                throw new IllegalStateException("permanent");
            }
            applied.add(event);
        }, (event, cause) -> failed.add(event));

        worker.submit(EVENT);
        worker.submit(EVENT_2);
        worker.doneSoFar().block();

        assertThat(failed).containsExactly(EVENT);
        assertThat(applied).containsExactly(EVENT_2);
    }

    @Test
    void closeShouldApplyTheQueuedEventsAndGiveUpOnLaterOnes() {
        worker = new OrderedEventWorker("test", BACKLOG, applied::add, (event, cause) -> failed.add(event));
        worker.submit(EVENT);

        assertThat(worker.close(Duration.ofSeconds(10))).isTrue();
        worker.submit(EVENT_2);

        assertThat(applied).containsExactly(EVENT);
        assertThat(failed).containsExactly(EVENT_2);
        worker.doneSoFar().block(Duration.ofSeconds(1));
    }

    @Test
    void submitShouldWaitWhileTheBacklogIsFull() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        worker = workerHeldUntil(release);
        worker.submit(EVENT);
        worker.submit(EVENT_2);

        CompletableFuture<Void> third = CompletableFuture.runAsync(() -> worker.submit(EVENT));

        assertThatThrownBy(() -> third.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        release.countDown();
        third.get(10, TimeUnit.SECONDS);
        worker.doneSoFar().block();
        assertThat(applied).containsExactly(EVENT, EVENT_2, EVENT);
    }

    @Test
    void anEventSubmittedByTheWorkerItselfShouldNotWaitForRoom() {
        AtomicInteger nested = new AtomicInteger();
        worker = new OrderedEventWorker("test", 1, event -> {
            if (nested.getAndIncrement() == 0) {
                worker.submit(EVENT_2);
            }
            applied.add(event);
        }, (event, cause) -> failed.add(event));

        worker.submit(EVENT);
        worker.doneSoFar().block(Duration.ofSeconds(10));
        worker.doneSoFar().block(Duration.ofSeconds(10));

        assertThat(applied).containsExactly(EVENT, EVENT_2);
    }

    @Test
    void eventsThatMayOverlapShouldBeAppliedSideBySide() {
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        worker = new OrderedEventWorker("test", BACKLOG, 2, event -> true, event -> {
            try {
                bothRunning.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("not applied side by side", e);
            }
            applied.add(event);
        }, (event, cause) -> failed.add(event));

        worker.submit(EVENT);
        worker.submit(EVENT_2);
        worker.doneSoFar().block(Duration.ofSeconds(20));

        assertThat(failed).isEmpty();
        assertThat(applied).containsExactlyInAnyOrder(EVENT, EVENT_2);
    }

    @Test
    void anEventThatMayNotOverlapShouldWaitForThoseBeforeItAndHoldUpThoseAfterIt() {
        CountDownLatch release = new CountDownLatch(1);
        Event exclusive = EVENT_2;
        worker = new OrderedEventWorker("test", 10, 2, event -> event != exclusive, event -> {
            if (applied.isEmpty()) {
                await(release);
            }
            applied.add(event);
        }, (event, cause) -> failed.add(event));

        worker.submit(EVENT);
        worker.submit(exclusive);
        worker.submit(EVENT);
        Mono<Void> done = worker.doneSoFar();

        assertThatThrownBy(() -> done.block(Duration.ofMillis(300))).isInstanceOf(IllegalStateException.class);
        assertThat(applied).isEmpty();
        release.countDown();
        worker.doneSoFar().block(Duration.ofSeconds(10));
        assertThat(applied).containsExactly(EVENT, exclusive, EVENT);
    }

    /** A worker whose action waits for {@code release} before recording each event. */
    private OrderedEventWorker workerHeldUntil(CountDownLatch release) {
        return new OrderedEventWorker("test", BACKLOG, event -> {
            await(release);
            applied.add(event);
        }, (event, cause) -> failed.add(event));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
