package ch.postwall.mailbox.expiry;

import java.time.Duration;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs a store's deletion of expired data at a fixed interval, for stores whose backend does not
 * expire data by itself (Cassandra does, with TTLs). A failed run is logged and retried next time.
 */
public class ScheduledPurge {
    private static final Logger LOGGER = LoggerFactory.getLogger(ScheduledPurge.class);

    private final String what;
    private final Duration interval;
    private final Callable<Integer> purge;
    private Disposable schedule;

    /** {@code purge} deletes what has expired and answers how many items it deleted. */
    public ScheduledPurge(String what, Duration interval, Callable<Integer> purge) {
        this.what = what;
        this.interval = interval;
        this.purge = purge;
    }

    public synchronized void start() {
        schedule = Flux.interval(interval, interval, Schedulers.boundedElastic())
            .concatMap(tick -> Mono.fromCallable(purge)
                .doOnNext(purged -> LOGGER.info("Purged {} expired {}", purged, what))
                .onErrorResume(e -> {
                    LOGGER.error("Purge of expired {} failed, next try in {}", what, interval, e);
                    return Mono.empty();
                }))
            .subscribe();
    }

    public synchronized void stop() {
        if (schedule != null) {
            schedule.dispose();
        }
    }
}
