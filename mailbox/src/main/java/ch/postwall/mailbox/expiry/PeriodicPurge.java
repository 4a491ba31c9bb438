package ch.postwall.mailbox.expiry;

import java.time.Duration;
import java.util.concurrent.Callable;

import javax.annotation.PreDestroy;

import org.apache.james.lifecycle.api.Startable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Deletes a store's expired data at an interval, for backends without their own expiry; a failed run waits for the next. */
public class PeriodicPurge implements Startable {
    private static final Logger LOGGER = LoggerFactory.getLogger(PeriodicPurge.class);

    private final String what;
    private final Callable<Integer> purge;
    private final Duration interval;
    private Disposable schedule;

    /**
     * @param what     the purged data, for the log
     * @param purge    deletes what expired and returns how many there were
     * @param interval time between runs
     */
    public PeriodicPurge(String what, Callable<Integer> purge, Duration interval) {
        this.what = what;
        this.purge = purge;
        this.interval = interval;
    }

    public void start() {
        schedule = Flux.interval(interval, interval, Schedulers.boundedElastic())
            .concatMap(tick -> Mono.fromCallable(purge)
                .doOnNext(purged -> LOGGER.info("Purged {} expired {}", purged, what))
                .onErrorResume(e -> {
                    LOGGER.error("Purge of expired {} failed, next try in {}", what, interval, e);
                    return Mono.empty();
                }))
            .subscribe();
    }

    @PreDestroy
    public void stop() {
        if (schedule != null) {
            schedule.dispose();
        }
    }
}
