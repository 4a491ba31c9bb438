package ch.postwall.mailbox.events;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.apache.james.events.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Mono;

/**
 * Applies mailbox events off James's dispatch, in the order they were handed over, retrying a failing one a few
 * times. Listeners use it to leave James's dispatch at once: James dispatches a mailbox's events inside the
 * mailbox's write lock and waits for every listener, so their work would hold up the next write to the mailbox.
 * <p>
 * Events the {@code mayOverlap} predicate accepts (say, new messages, each indexed on its own) may be applied up to
 * {@code parallelism} at a time; any other event waits until those before it are done, and those after it wait for
 * it. So what depends on order (a flag change after the message it changes) still sees it.
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
    private final int parallelism;
    private final Predicate<Event> mayOverlap;
    private final Set<Thread> ownThreads = ConcurrentHashMap.newKeySet();
    private final ExecutorService dispatcher;
    private final ExecutorService appliers;
    private final Semaphore room;
    private final Semaphore running;

    /** One event at a time. {@code onFailure} gets each event the action failed on {@value #ATTEMPTS} times, or that came after close. */
    public OrderedEventWorker(String name, int backlog, Consumer<Event> action, BiConsumer<Event, Exception> onFailure) {
        this(name, backlog, 1, event -> false, action, onFailure);
    }

    public OrderedEventWorker(String name, int backlog, int parallelism, Predicate<Event> mayOverlap,
                              Consumer<Event> action, BiConsumer<Event, Exception> onFailure) {
        this.name = name;
        this.action = action;
        this.onFailure = onFailure;
        this.parallelism = parallelism;
        this.mayOverlap = mayOverlap;
        this.room = new Semaphore(backlog);
        this.running = new Semaphore(parallelism);
        this.dispatcher = Executors.newSingleThreadExecutor(runnable -> ownThread(runnable, name));
        this.appliers = Executors.newFixedThreadPool(parallelism, runnable -> ownThread(runnable, name + "-applier"));
    }

    private Thread ownThread(Runnable runnable, String threadName) {
        Thread thread = new Thread(runnable, threadName);
        thread.setDaemon(true);
        ownThreads.add(thread);
        return thread;
    }

    /** Waits while {@code backlog} events are already waiting, except on the worker's own threads (they would wait for themselves). */
    public void submit(Event event) {
        boolean counted = !ownThreads.contains(Thread.currentThread());
        if (counted) {
            room.acquireUninterruptibly();
        }
        Runnable leaveRoom = counted ? room::release : () -> { };
        try {
            dispatcher.execute(() -> dispatch(event, leaveRoom));
        } catch (RejectedExecutionException e) {
            leaveRoom.run();
            onFailure.accept(event, e);
        }
    }

    private void dispatch(Event event, Runnable leaveRoom) {
        if (parallelism > 1 && mayOverlap.test(event)) {
            running.acquireUninterruptibly();
            appliers.execute(() -> {
                try {
                    applyWithRetries(event);
                } finally {
                    running.release();
                    leaveRoom.run();
                }
            });
        } else {
            running.acquireUninterruptibly(parallelism);
            try {
                applyWithRetries(event);
            } finally {
                running.release(parallelism);
                leaveRoom.run();
            }
        }
    }

    /** Completes once every event submitted before the call has been applied (or given up on). */
    public Mono<Void> doneSoFar() {
        return Mono.defer(() -> {
            try {
                return Mono.fromFuture(CompletableFuture.runAsync(() -> {
                    running.acquireUninterruptibly(parallelism);
                    running.release(parallelism);
                }, dispatcher));
            } catch (RejectedExecutionException e) {
                return Mono.empty();
            }
        });
    }

    /** Stops taking events and waits for the queued ones; false when some were still pending after the wait. */
    public boolean close(Duration drain) {
        long deadline = System.nanoTime() + drain.toNanos();
        dispatcher.shutdown();
        try {
            boolean dispatched = dispatcher.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS);
            appliers.shutdown();
            return appliers.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS) && dispatched;
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
