package ch.postwall.mailbox.events;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.apache.james.events.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Mono;

/**
 * Applies mailbox events on one thread of its own, in the order they were handed over, retrying a failing one a
 * few times. Listeners use it to leave James's dispatch at once: James dispatches a mailbox's events inside the
 * mailbox's write lock and waits for every listener, so their work would hold up the next write to the mailbox.
 * <p>
 * At most {@code backlog} events wait; beyond that {@link #submit} waits for room. Under a sustained load the
 * deliveries would otherwise run ahead of the worker without bound (memory, and a search waiting for the index to
 * catch up with thousands of messages); waiting slows the writes down to the worker's pace instead, while the mail
 * itself waits in the persistent queue.
 */
public final class OrderedEventWorker {
    private static final Logger LOGGER = LoggerFactory.getLogger(OrderedEventWorker.class);
    private static final int ATTEMPTS = 3;
    private static final Duration RETRY_DELAY = Duration.ofMillis(200);

    private final String name;
    private final Consumer<Event> action;
    private final BiConsumer<Event, Exception> onFailure;
    private final ExecutorService executor;
    private final Semaphore room;
    private volatile Thread workerThread;

    /** {@code onFailure} gets each event the action failed on {@value #ATTEMPTS} times, or that came after close. */
    public OrderedEventWorker(String name, int backlog, Consumer<Event> action, BiConsumer<Event, Exception> onFailure) {
        this.name = name;
        this.action = action;
        this.onFailure = onFailure;
        this.room = new Semaphore(backlog);
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            workerThread = thread;
            return thread;
        });
    }

    /** Waits while {@code backlog} events are already waiting, except on the worker's own thread (it would wait for itself). */
    public void submit(Event event) {
        boolean counted = Thread.currentThread() != workerThread;
        if (counted) {
            room.acquireUninterruptibly();
        }
        try {
            executor.execute(() -> {
                try {
                    applyWithRetries(event);
                } finally {
                    if (counted) {
                        room.release();
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            if (counted) {
                room.release();
            }
            onFailure.accept(event, e);
        }
    }

    /** Completes once every event submitted before the call has been applied (or given up on). */
    public Mono<Void> doneSoFar() {
        return Mono.defer(() -> {
            try {
                return Mono.fromFuture(CompletableFuture.runAsync(() -> { }, executor));
            } catch (RejectedExecutionException e) {
                return Mono.empty();
            }
        });
    }

    /** Stops taking events and waits for the queued ones; false when some were still pending after the wait. */
    public boolean close(Duration drain) {
        executor.shutdown();
        try {
            return executor.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void applyWithRetries(Event event) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                action.accept(event);
                return;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    onFailure.accept(event, e);
                    return;
                }
                LOGGER.warn("{}: event {} failed (attempt {}); retrying", name, event.getEventId(), attempt, e);
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_DELAY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
