package ch.postwall.mailbox.opensearch;

import java.time.Duration;

import javax.annotation.PreDestroy;
import javax.inject.Inject;

import org.apache.james.events.EventBus;
import org.apache.james.events.EventDeadLetters;
import org.apache.james.events.Group;
import org.apache.james.lifecycle.api.Startable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Mailbox events that could not be indexed (OpenSearch unreachable beyond the event bus's retries) end in the event
 * dead letters. Once OpenSearch answers again, they are delivered again to the index, so that mail stored during an
 * outage becomes searchable without an operator.
 */
public class SearchIndexRedelivery implements Startable {
    static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final Logger LOGGER = LoggerFactory.getLogger(SearchIndexRedelivery.class);
    private static final Group GROUP = new OpenSearchMessageSearchIndex.OpenSearchMessageSearchIndexGroup();

    private final EventBus eventBus;
    private final EventDeadLetters deadLetters;
    private final OpenSearchHealthCheck healthCheck;
    private Disposable schedule;

    @Inject
    public SearchIndexRedelivery(EventBus eventBus, EventDeadLetters deadLetters, OpenSearchHealthCheck healthCheck) {
        this.eventBus = eventBus;
        this.deadLetters = deadLetters;
        this.healthCheck = healthCheck;
    }

    public synchronized void start() {
        schedule = Flux.interval(INTERVAL)
            .concatMap(tick -> redeliverWhenHealthy().onErrorResume(e -> {
                LOGGER.warn("Redelivering failed search index events failed; trying again in {}", INTERVAL, e);
                return Mono.empty();
            }))
            .subscribe();
    }

    @PreDestroy
    public synchronized void stop() {
        if (schedule != null) {
            schedule.dispose();
        }
    }

    Mono<Void> redeliverWhenHealthy() {
        return healthCheck.check()
            .filter(result -> result.isHealthy())
            .flatMapMany(healthy -> deadLetters.failedIds(GROUP))
            .concatMap(id -> deadLetters.failedEvent(GROUP, id)
                // A redelivery that fails again is stored as a new dead letter by the event bus.
                .flatMap(event -> eventBus.reDeliver(GROUP, event))
                // Deferred: the dead letters act when remove is called, not when subscribed.
                .then(Mono.defer(() -> deadLetters.remove(GROUP, id))))
            .then();
    }
}
