package ch.postwall.filter.trace;

import javax.annotation.PreDestroy;
import javax.inject.Inject;

import org.apache.james.lifecycle.api.Startable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Deletes expired trace entries at the configured interval, for backends without their own expiry. */
public class MessageTracePurger implements Startable {
    private static final Logger LOGGER = LoggerFactory.getLogger(MessageTracePurger.class);

    private final MessageTraceStore store;
    private final MessageTraceConfiguration configuration;
    private Disposable schedule;

    @Inject
    public MessageTracePurger(MessageTraceStore store, MessageTraceConfiguration configuration) {
        this.store = store;
        this.configuration = configuration;
    }

    public void start() {
        schedule = Flux.interval(configuration.purgeInterval(), configuration.purgeInterval(), Schedulers.boundedElastic())
            .concatMap(tick -> Mono.fromCallable(store::purgeExpired)
                .doOnNext(purged -> LOGGER.info("Purged {} expired message trace entries", purged))
                .onErrorResume(e -> {
                    LOGGER.error("Message trace purge failed, next try in {}", configuration.purgeInterval(), e);
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
