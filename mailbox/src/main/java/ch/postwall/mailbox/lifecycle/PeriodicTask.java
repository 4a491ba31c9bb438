package ch.postwall.mailbox.lifecycle;

import java.time.Duration;

import javax.annotation.PreDestroy;

import org.apache.james.lifecycle.api.Startable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs a task at a fixed interval on a background thread, one run at a time (a run that lasts longer than the
 * interval delays the next one). A failed run is logged and the task runs again at the next interval: used for
 * purges of expired log entries and for retention enforcement.
 */
public class PeriodicTask implements Startable {
    private static final Logger LOGGER = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration initialDelay;
    private final Duration interval;
    private final Runnable task;
    private Disposable schedule;

    /** @param name what the task does, for the log, e.g. "message trace purge" */
    public PeriodicTask(String name, Duration initialDelay, Duration interval, Runnable task) {
        this.name = name;
        this.initialDelay = initialDelay;
        this.interval = interval;
        this.task = task;
    }

    public void start() {
        schedule = Flux.interval(initialDelay, interval, Schedulers.boundedElastic())
            .onBackpressureDrop()
            .concatMap(tick -> Mono.fromRunnable(task)
                .onErrorResume(e -> {
                    LOGGER.error("{} failed, next run in {}", name, interval, e);
                    return Mono.empty();
                }), 1)
            .subscribe();
    }

    @PreDestroy
    public void stop() {
        if (schedule != null) {
            schedule.dispose();
        }
    }
}
