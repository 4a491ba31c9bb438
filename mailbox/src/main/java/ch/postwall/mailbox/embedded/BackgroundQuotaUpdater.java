package ch.postwall.mailbox.embedded;

import java.time.Duration;
import java.util.function.Function;

import javax.annotation.PreDestroy;
import javax.inject.Inject;

import org.apache.james.events.Event;
import org.apache.james.events.EventDeadLetters;
import org.apache.james.events.EventListener;
import org.apache.james.events.Group;
import org.apache.james.core.quota.QuotaCountUsage;
import org.apache.james.core.quota.QuotaSizeUsage;
import org.apache.james.mailbox.events.MailboxEvents;
import org.apache.james.mailbox.model.QuotaOperation;
import org.apache.james.mailbox.model.QuotaRoot;
import org.apache.james.mailbox.quota.CurrentQuotaManager;
import org.apache.james.mailbox.quota.QuotaRootResolver;
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
 * <p>
 * New and expunged messages change the usage here directly: James's updater then also announces the new usage
 * (a quota-updated event), reading the quota root's six limits and its usage back for every message, and nothing
 * in Postwall listens to that announcement. Other events (a mailbox deletion) go to James's updater.
 */
public class BackgroundQuotaUpdater implements EventListener.ReactiveGroupEventListener {
    private static final Logger LOGGER = LoggerFactory.getLogger(BackgroundQuotaUpdater.class);
    private static final Duration DRAIN_ON_CLOSE = Duration.ofMinutes(1);
    /** Updates not yet counted before writes wait: a burst of deliveries can pass a quota by at most these. */
    private static final int BACKLOG = 100;

    private final ListeningCurrentQuotaUpdater updater;
    private final CurrentQuotaManager currentQuotas;
    private final QuotaRootResolver quotaRoots;
    private final EventDeadLetters deadLetters;
    private final OrderedEventWorker worker;

    @Inject
    public BackgroundQuotaUpdater(ListeningCurrentQuotaUpdater updater, CurrentQuotaManager currentQuotas,
                                  QuotaRootResolver quotaRoots, EventDeadLetters deadLetters) {
        this.updater = updater;
        this.currentQuotas = currentQuotas;
        this.quotaRoots = quotaRoots;
        this.deadLetters = deadLetters;
        this.worker = new OrderedEventWorker("quota-updater", BACKLOG, this::apply, this::keepForRedelivery);
    }

    private void apply(Event event) {
        if (event instanceof MailboxEvents.Added added) {
            change(added, currentQuotas::increase);
        } else if (event instanceof MailboxEvents.Expunged expunged) {
            change(expunged, currentQuotas::decrease);
        } else {
            Mono.from(updater.reactiveEvent(event)).block();
        }
    }

    private void change(MailboxEvents.MetaDataHoldingEvent event, Function<QuotaOperation, Publisher<Void>> operation) {
        long count = event.getUids().size();
        long size = event.getUids().stream().mapToLong(uid -> event.getMetaData(uid).getSize()).sum();
        if (count == 0 || size == 0) {
            // As James: an event without messages or bytes changes nothing.
            return;
        }
        QuotaRoot root = Mono.from(quotaRoots.getQuotaRootReactive(event.getMailboxPath())).block();
        Mono.from(operation.apply(new QuotaOperation(root, QuotaCountUsage.count(count), QuotaSizeUsage.size(size)))).block();
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
