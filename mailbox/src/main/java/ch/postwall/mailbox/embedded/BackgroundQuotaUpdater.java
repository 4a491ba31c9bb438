package ch.postwall.mailbox.embedded;

import java.time.Duration;

import javax.annotation.PreDestroy;
import javax.inject.Inject;

import org.apache.james.events.Event;
import org.apache.james.events.EventDeadLetters;
import org.apache.james.events.EventListener;
import org.apache.james.events.Group;
import org.apache.james.mailbox.store.quota.ListeningCurrentQuotaUpdater;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.postwall.mailbox.events.OrderedEventWorker;
import reactor.core.publisher.Mono;

/**
 * James's current-quota updater, off the mailbox lock: its transaction and its reads of the quota limits held up
 * the next delivery to the same mailbox. Events are applied in the order they were dispatched; one that keeps
 * failing goes to the event dead letters under James's updater group, from where WebAdmin redelivers it.
 * <p>
 * The usage a quota check reads may therefore lag the last appends by the events still queued: a burst of
 * deliveries can pass a quota by those few messages. Code that must see every change first waits for
 * {@link #updatedSoFar()}.
 */
public class BackgroundQuotaUpdater implements EventListener.ReactiveGroupEventListener {
    private static final Logger LOGGER = LoggerFactory.getLogger(BackgroundQuotaUpdater.class);
    private static final Duration DRAIN_ON_CLOSE = Duration.ofMinutes(1);
    /** Updates not yet counted before writes wait: a burst of deliveries can pass a quota by at most these. */
    private static final int BACKLOG = 100;

    private final ListeningCurrentQuotaUpdater updater;
    private final EventDeadLetters deadLetters;
    private final OrderedEventWorker worker;

    @Inject
    public BackgroundQuotaUpdater(ListeningCurrentQuotaUpdater updater, EventDeadLetters deadLetters) {
        this.updater = updater;
        this.deadLetters = deadLetters;
        this.worker = new OrderedEventWorker("quota-updater", BACKLOG, event -> Mono.from(updater.reactiveEvent(event)).block(),
            this::keepForRedelivery);
    }

    @Override
    public Group getDefaultGroup() {
        return updater.getDefaultGroup();
    }

    @Override
    public boolean isHandling(Event event) {
        return updater.isHandling(event);
    }

    @Override
    public Publisher<Void> reactiveEvent(Event event) {
        return Mono.fromRunnable(() -> worker.submit(event));
    }

    /** Completes once every event handed over before the call has been applied (or kept as a dead letter). */
    public Mono<Void> updatedSoFar() {
        return worker.doneSoFar();
    }

    private void keepForRedelivery(Event event, Exception cause) {
        LOGGER.error("Quota not updated for event {}; kept in the event dead letters", event.getEventId(), cause);
        try {
            Mono.from(deadLetters.store(getDefaultGroup(), event)).block();
        } catch (RuntimeException e) {
            LOGGER.error("Cannot keep event {} in the dead letters: the quotas need a recomputation", event.getEventId(), e);
        }
    }

    @PreDestroy
    public void close() {
        if (!worker.close(DRAIN_ON_CLOSE)) {
            LOGGER.error("Quota updates still pending at shutdown: the quotas need a recomputation");
        }
    }
}
