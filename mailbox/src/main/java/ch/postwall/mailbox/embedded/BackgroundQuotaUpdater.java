package ch.postwall.mailbox.embedded;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * the next delivery to the same mailbox.
 * <p>
 * New and expunged messages change the usage here directly: James's updater then also announces the new usage
 * (a quota-updated event), reading the quota root's six limits and its usage back for every message, and nothing
 * in Postwall listens to that announcement. Their changes are added up per quota root as they are handed over and
 * written {@link #WRITE_INTERVAL} later, in one transaction for all the messages delivered meanwhile (a
 * transaction per message was a tenth of the database's work). A change that cannot be written stays pending and
 * is tried again {@link #RETRY_DELAY} later; usage is a sum, so order does not matter.
 * <p>
 * Other events (a mailbox deletion) go to James's updater, in the order they were dispatched; one that keeps
 * failing goes to the event dead letters under James's updater group, from where WebAdmin redelivers it.
 * <p>
 * The usage a quota check reads may therefore lag the last appends by a few messages: a burst of deliveries can
 * pass a quota by those. Code that must see every change first waits for {@link #updatedSoFar()}.
 */
public class BackgroundQuotaUpdater implements EventListener.ReactiveGroupEventListener {
    private static final Logger LOGGER = LoggerFactory.getLogger(BackgroundQuotaUpdater.class);
    private static final Duration DRAIN_ON_CLOSE = Duration.ofMinutes(1);
    /** Other events waiting before dispatches wait. */
    private static final int BACKLOG = 100;
    /** How long a usage change waits for others to be written with. */
    private static final Duration WRITE_INTERVAL = Duration.ofMillis(20);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);

    private final ListeningCurrentQuotaUpdater updater;
    private final CurrentQuotaManager currentQuotas;
    private final QuotaRootResolver quotaRoots;
    private final EventDeadLetters deadLetters;
    private final OrderedEventWorker worker;
    private final ConcurrentHashMap<QuotaRoot, UsageChange> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean writeScheduled = new AtomicBoolean();
    private final ScheduledExecutorService writer;
    private final Duration writeInterval;

    @Inject
    public BackgroundQuotaUpdater(ListeningCurrentQuotaUpdater updater, CurrentQuotaManager currentQuotas,
                                  QuotaRootResolver quotaRoots, EventDeadLetters deadLetters) {
        this(updater, currentQuotas, quotaRoots, deadLetters, WRITE_INTERVAL);
    }

    BackgroundQuotaUpdater(ListeningCurrentQuotaUpdater updater, CurrentQuotaManager currentQuotas,
                           QuotaRootResolver quotaRoots, EventDeadLetters deadLetters, Duration writeInterval) {
        this.updater = updater;
        this.currentQuotas = currentQuotas;
        this.quotaRoots = quotaRoots;
        this.deadLetters = deadLetters;
        this.writeInterval = writeInterval;
        this.worker = new OrderedEventWorker("quota-updater", BACKLOG, this::apply, this::keepForRedelivery);
        this.writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "quota-usage-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

    private void apply(Event event) {
        Mono.from(updater.reactiveEvent(event)).block();
    }

    private static boolean changesUsage(Event event) {
        return event instanceof MailboxEvents.Added || event instanceof MailboxEvents.Expunged;
    }

    private void addToPending(MailboxEvents.MetaDataHoldingEvent event) {
        long count = event.getUids().size();
        long size = event.getUids().stream().mapToLong(uid -> event.getMetaData(uid).getSize()).sum();
        if (count == 0 || size == 0) {
            // As James: an event without messages or bytes changes nothing.
            return;
        }
        int sign = event instanceof MailboxEvents.Added ? 1 : -1;
        QuotaRoot root = Mono.from(quotaRoots.getQuotaRootReactive(event.getMailboxPath())).block();
        pending.merge(root, new UsageChange(sign * count, sign * size), UsageChange::plus);
        scheduleWrite(writeInterval);
    }

    private void scheduleWrite(Duration delay) {
        if (writeScheduled.compareAndSet(false, true)) {
            try {
                writer.schedule(this::scheduledWrite, delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closing) {
                // close() writes what is pending.
                writeScheduled.set(false);
            }
        }
    }

    private void scheduledWrite() {
        // Cleared first: a change added while writing schedules the next write.
        writeScheduled.set(false);
        try {
            writePending();
        } catch (RuntimeException e) {
            LOGGER.error("Quota usage not written; kept, and tried again in {}", RETRY_DELAY, e);
            scheduleWrite(RETRY_DELAY);
        }
    }

    /** Synchronized: whoever waits for {@link #updatedSoFar()} also waits for a write in progress. */
    private synchronized void writePending() {
        for (QuotaRoot root : pending.keySet()) {
            UsageChange change = pending.remove(root);
            if (change != null) {
                try {
                    write(root, change);
                } catch (RuntimeException e) {
                    pending.merge(root, change, UsageChange::plus);
                    throw e;
                }
            }
        }
    }

    private void write(QuotaRoot root, UsageChange change) {
        // James's operations take no negative figure: a batch may add messages and remove more bytes.
        if (change.count() > 0 || change.size() > 0) {
            Mono.from(currentQuotas.increase(operation(root, Math.max(0, change.count()), Math.max(0, change.size())))).block();
        }
        if (change.count() < 0 || change.size() < 0) {
            Mono.from(currentQuotas.decrease(operation(root, Math.max(0, -change.count()), Math.max(0, -change.size())))).block();
        }
    }

    private static QuotaOperation operation(QuotaRoot root, long count, long size) {
        return new QuotaOperation(root, QuotaCountUsage.count(count), QuotaSizeUsage.size(size));
    }

    private record UsageChange(long count, long size) {
        UsageChange plus(UsageChange other) {
            return new UsageChange(count + other.count, size + other.size);
        }
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
        return Mono.fromRunnable(() -> {
            if (changesUsage(event)) {
                addToPending((MailboxEvents.MetaDataHoldingEvent) event);
            } else {
                worker.submit(event);
            }
        });
    }

    /** Completes once every event handed over before the call has been applied (or kept as a dead letter). */
    public Mono<Void> updatedSoFar() {
        return worker.doneSoFar().then(Mono.fromRunnable(this::writePending));
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
        boolean drained = worker.close(DRAIN_ON_CLOSE);
        writer.shutdownNow();
        try {
            writePending();
        } catch (RuntimeException e) {
            LOGGER.error("Quota usage not written at shutdown: the quotas need a recomputation", e);
            return;
        }
        if (!drained) {
            LOGGER.error("Quota updates still pending at shutdown: the quotas need a recomputation");
        }
    }
}
