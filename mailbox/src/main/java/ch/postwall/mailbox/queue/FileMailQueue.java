package ch.postwall.mailbox.queue;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;

import javax.mail.MessagingException;

import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.metrics.api.GaugeRegistry;
import org.apache.james.metrics.api.Metric;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.metrics.api.TimeMetric;
import org.apache.james.queue.api.MailPrioritySupport;
import org.apache.james.queue.api.MailQueueItemDecoratorFactory;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.mailet.Mail;
import org.apache.mailet.AttributeUtils;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.fge.lambdas.Throwing;

import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * A persistent mail queue of one node: a file per mail ({@link QueuedMailFiles}), synced before {@link #enQueue}
 * returns, and in memory only the order of delivery. Mails are delivered by priority
 * ({@link MailPrioritySupport#MAIL_PRIORITY}, 0–9), then in the order they were queued, once their delay has passed.
 * <p>
 * A dequeued mail stays in its file until its item is done: {@code SUCCESS} or {@code REJECT} deletes it, {@code RETRY}
 * queues it again as it was. A mail dequeued but not done when the server stops is delivered again at the next start,
 * like every other queued mail. Each subscriber to {@link #deQueue()} gets a mail only when it has asked for one, from
 * the queue's own delivery thread, so a mail never waits in a buffer where a cancelled subscriber would strand it.
 * <p>
 * It replaces James's ActiveMQ queue, which for every mail created a JMS consumer with a parsed selector, and kept a
 * journal and an index beside the mail: an eighth of the server's time when ingesting.
 */
public class FileMailQueue implements ManageableMailQueue {
    private static final Logger LOGGER = LoggerFactory.getLogger(FileMailQueue.class);
    private static final Duration READ_RETRY_DELAY = Duration.ofSeconds(10);

    private final MailQueueName name;
    private final QueuedMailFiles files;
    private final MailQueueItemDecoratorFactory decorators;
    private final MetricFactory metricFactory;
    private final Metric enqueuedMails;
    private final Metric dequeuedMails;
    private final Clock clock;
    private final AtomicLong sequence;
    private final Object lock = new Object();
    private final PriorityQueue<QueuedMail> ready = new PriorityQueue<>(QueuedMail.DELIVERY_ORDER);
    private final PriorityQueue<QueuedMail> delayed = new PriorityQueue<>(QueuedMail.DUE_ORDER);
    private final Set<QueuedMail> inFlight = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<FluxSink<MailQueueItem>> subscribers = new ArrayList<>();
    private final Thread deliverer;
    private boolean stopped;

    FileMailQueue(MailQueueName name, QueuedMailFiles files, MailQueueItemDecoratorFactory decorators,
                  MetricFactory metricFactory, GaugeRegistry gaugeRegistry, Clock clock) throws IOException {
        this.name = name;
        this.files = files;
        this.decorators = decorators;
        this.metricFactory = metricFactory;
        this.enqueuedMails = metricFactory.generate(ENQUEUED_METRIC_NAME_PREFIX + name.asString());
        this.dequeuedMails = metricFactory.generate(DEQUEUED_METRIC_NAME_PREFIX + name.asString());
        this.clock = clock;
        List<QueuedMail> recovered = files.recover();
        recovered.forEach(this::add);
        this.sequence = new AtomicLong(recovered.isEmpty() ? 0 : recovered.get(recovered.size() - 1).sequence);
        if (!recovered.isEmpty()) {
            LOGGER.info("Mail queue {}: {} mails queued before the last stop", name.asString(), recovered.size());
        }
        gaugeRegistry.register(QUEUE_SIZE_METRIC_NAME_PREFIX + name.asString(), this::getSize);
        this.deliverer = new Thread(this::deliver, "mail-queue-" + name.asString());
        deliverer.setDaemon(true);
        deliverer.start();
    }

    @Override
    public MailQueueName getName() {
        return name;
    }

    @Override
    public void enQueue(Mail mail) throws MailQueueException {
        enQueue(mail, Duration.ZERO);
    }

    @Override
    public void enQueue(Mail mail, Duration delay) throws MailQueueException {
        TimeMetric timer = metricFactory.timer(ENQUEUED_TIMER_METRIC_NAME_PREFIX + name.asString());
        try {
            int priority = AttributeUtils.getValueAndCastFromMail(mail, MailPrioritySupport.MAIL_PRIORITY, Integer.class)
                .map(value -> Math.max(MailPrioritySupport.LOW_PRIORITY, Math.min(MailPrioritySupport.HIGH_PRIORITY, value)))
                .orElse(MailPrioritySupport.NORMAL_PRIORITY);
            add(files.write(sequence.incrementAndGet(), priority, dueAfter(delay), mail));
            enqueuedMails.increment();
        } catch (IOException | MessagingException e) {
            throw new MailQueueException("Cannot queue mail " + mail.getName() + " in " + name.asString(), e);
        } finally {
            timer.stopAndPublish();
        }
    }

    private long dueAfter(Duration delay) {
        long now = clock.millis();
        if (delay.isNegative() || delay.isZero()) {
            return now;
        }
        try {
            return Math.addExact(now, delay.toMillis());
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public Publisher<Void> enqueueReactive(Mail mail) {
        return Mono.fromRunnable(Throwing.runnable(() -> enQueue(mail)).sneakyThrow());
    }

    private void add(QueuedMail queued) {
        synchronized (lock) {
            if (queued.dueMillis <= clock.millis()) {
                ready.add(queued);
            } else {
                delayed.add(queued);
            }
            lock.notifyAll();
        }
    }

    @Override
    public Flux<MailQueueItem> deQueue() {
        return Flux.create(sink -> {
            sink.onRequest(ignored -> wakeDeliverer());
            sink.onDispose(() -> {
                synchronized (lock) {
                    subscribers.remove(sink);
                }
            });
            synchronized (lock) {
                subscribers.add(sink);
                lock.notifyAll();
            }
        });
    }

    private void wakeDeliverer() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** The delivery thread: hands the next due mail to a subscriber that asked for one. */
    private void deliver() {
        while (true) {
            QueuedMail next;
            FluxSink<MailQueueItem> subscriber;
            synchronized (lock) {
                subscriber = awaitSubscriberAndMail();
                if (subscriber == null) {
                    return;
                }
                next = ready.poll();
                inFlight.add(next);
            }
            try {
                Mail mail = files.read(next);
                dequeuedMails.increment();
                subscriber.next(decorators.decorate(new Item(next, mail), name));
            } catch (DamagedQueueFileException e) {
                forget(next);
            } catch (IOException | RuntimeException e) {
                LOGGER.error("Mail queue {}: cannot read queued mail {}, retried in {}", name.asString(), next.file, READ_RETRY_DELAY, e);
                retryLater(next);
            }
        }
    }

    /** Under the lock: waits until a mail is due and a subscriber wants one; {@code null} once the queue is stopped. */
    private FluxSink<MailQueueItem> awaitSubscriberAndMail() {
        while (!stopped) {
            long now = clock.millis();
            while (!delayed.isEmpty() && delayed.peek().dueMillis <= now) {
                ready.add(delayed.poll());
            }
            if (!ready.isEmpty()) {
                for (FluxSink<MailQueueItem> subscriber : subscribers) {
                    if (!subscriber.isCancelled() && subscriber.requestedFromDownstream() > 0) {
                        return subscriber;
                    }
                }
            }
            long wait = delayed.isEmpty() ? 0 : Math.max(1, delayed.peek().dueMillis - now);
            try {
                lock.wait(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private void retryLater(QueuedMail queued) {
        synchronized (lock) {
            inFlight.remove(queued);
            queued.dueMillis = clock.millis() + READ_RETRY_DELAY.toMillis();
            delayed.add(queued);
        }
    }

    private void forget(QueuedMail queued) {
        synchronized (lock) {
            inFlight.remove(queued);
        }
    }

    @Override
    public long getSize() {
        synchronized (lock) {
            return ready.size() + delayed.size() + inFlight.size();
        }
    }

    /** Makes every delayed mail due now (until the next start, when their files' delays apply again). */
    @Override
    public long flush() {
        synchronized (lock) {
            long now = clock.millis();
            long flushed = delayed.size();
            delayed.forEach(queued -> queued.dueMillis = now);
            ready.addAll(delayed);
            delayed.clear();
            lock.notifyAll();
            return flushed;
        }
    }

    @Override
    public long clear() throws MailQueueException {
        return removeWhere(queued -> true);
    }

    @Override
    public long remove(Type type, String value) throws MailQueueException {
        return removeWhere(queued -> queued.matches(type, value));
    }

    /** Removes the queued mails (not those being delivered) that match, with their files. */
    private long removeWhere(Predicate<QueuedMail> matching) throws MailQueueException {
        List<QueuedMail> removed = new ArrayList<>();
        synchronized (lock) {
            Stream.concat(ready.stream(), delayed.stream()).filter(matching).forEach(removed::add);
            ready.removeAll(removed);
            delayed.removeAll(removed);
        }
        for (QueuedMail queued : removed) {
            try {
                files.delete(queued);
            } catch (IOException e) {
                throw new MailQueueException("Cannot delete queued mail " + queued.file + " of " + name.asString(), e);
            }
        }
        return removed.size();
    }

    /**
     * The queued mails not being delivered, in the order they would be delivered now (the due ones by priority, then
     * the delayed ones by due time), each read from its file as the iteration reaches it.
     */
    @Override
    public MailQueueIterator browse() {
        List<QueuedMail> due;
        List<QueuedMail> later;
        synchronized (lock) {
            due = new ArrayList<>(ready);
            later = new ArrayList<>(delayed);
        }
        due.sort(QueuedMail.DELIVERY_ORDER);
        later.sort(QueuedMail.DUE_ORDER);
        due.addAll(later);
        return new Browser(due.iterator());
    }

    /** Stops delivering; the factory does this when the server stops. Queued mails stay in their files. */
    void stop() {
        List<FluxSink<MailQueueItem>> stopping;
        synchronized (lock) {
            stopped = true;
            lock.notifyAll();
            stopping = List.copyOf(subscribers);
        }
        stopping.forEach(FluxSink::complete);
    }

    /** The factory owns its queues and stops them with the server: a mailet closing the queue it used changes nothing. */
    @Override
    public void close() {
    }

    private final class Item implements MailQueueItem {
        private final QueuedMail queued;
        private final Mail mail;
        private final AtomicBoolean done = new AtomicBoolean();

        Item(QueuedMail queued, Mail mail) {
            this.queued = queued;
            this.mail = mail;
        }

        @Override
        public Mail getMail() {
            return mail;
        }

        @Override
        public void done(CompletionStatus status) throws MailQueueException {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            if (status == CompletionStatus.RETRY) {
                synchronized (lock) {
                    inFlight.remove(queued);
                    ready.add(queued);
                    lock.notifyAll();
                }
                return;
            }
            try {
                files.delete(queued);
            } catch (IOException e) {
                throw new MailQueueException("Cannot delete delivered mail " + queued.file + " of " + name.asString(), e);
            } finally {
                forget(queued);
            }
        }
    }

    private final class Browser implements MailQueueIterator {
        private final Iterator<QueuedMail> queued;
        private MailQueueItemView next;

        Browser(Iterator<QueuedMail> queued) {
            this.queued = queued;
        }

        @Override
        public boolean hasNext() {
            while (next == null && queued.hasNext()) {
                next = read(queued.next());
            }
            return next != null;
        }

        /** {@code null} for a mail delivered or removed since the snapshot. */
        private MailQueueItemView read(QueuedMail mail) {
            try {
                return new DefaultMailQueueItemView(files.read(mail),
                    Instant.ofEpochMilli(mail.dueMillis).atZone(ZoneOffset.UTC));
            } catch (NoSuchFileException e) {
                return null;
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read queued mail " + mail.file + " of " + name.asString(), e);
            }
        }

        @Override
        public MailQueueItemView next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            MailQueueItemView current = next;
            next = null;
            return current;
        }

        @Override
        public void close() {
            Optional.ofNullable(next).map(MailQueueItemView::getMail).ifPresent(LifecycleUtil::dispose);
        }
    }
}
