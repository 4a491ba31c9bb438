package ch.postwall.filter.gateway;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.server.core.MailImpl;
import org.apache.james.util.DurationParser;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.postwall.filter.trace.MessageTraceStore;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Relays mail for gateway domains to each domain's own server ({@link GatewayRouteStore}).
 * <p>
 * The recipients of each gateway domain leave the processed mail as one mail per domain on a
 * dedicated outgoing queue; other recipients continue in the chain (the mail is ghosted when none
 * is left). The mailet also consumes that queue: each attempt goes through {@link GatewayDelivery},
 * which re-queues with a delay on temporary failures. A mail leaves the queue when the target
 * accepted it, or with a failure notice to its sender.
 * <p>
 * Parameters: {@code outgoingQueue} (default {@value #DEFAULT_QUEUE}), {@code heloName} (default:
 * this host's name), {@code timeout} of connecting and of each SMTP reply (default 60s),
 * {@code deliveryThreads} (default 4).
 */
public class GatewayRelay extends GenericMailet {
    public static final String DEFAULT_QUEUE = "gateway-outgoing";
    private static final Logger LOGGER = LoggerFactory.getLogger(GatewayRelay.class);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final int DEFAULT_DELIVERY_THREADS = 4;

    private final GatewayRouteStore routes;
    private final MessageTraceStore traces;
    private final MailQueueFactory<?> queueFactory;
    private final Clock clock;
    private MailQueue queue;
    private GatewayDelivery delivery;
    private Scheduler deliveryScheduler;
    private Disposable consumer;

    @Inject
    public GatewayRelay(GatewayRouteStore routes, MessageTraceStore traces, MailQueueFactory<?> queueFactory, Clock clock) {
        this.routes = routes;
        this.traces = traces;
        this.queueFactory = queueFactory;
        this.clock = clock;
    }

    @Override
    public void init() throws MessagingException {
        String heloName = getInitParameterAsOptional("heloName").orElseGet(GatewayRelay::localHostName);
        Duration timeout = getInitParameterAsOptional("timeout").map(DurationParser::parse).orElse(DEFAULT_TIMEOUT);
        int threads = getInitParameterAsOptional("deliveryThreads").map(this::parseThreads).orElse(DEFAULT_DELIVERY_THREADS);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new MessagingException("GatewayRelay parameter timeout must be positive, got " + timeout);
        }
        queue = queueFactory.createQueue(MailQueueName.of(getInitParameter("outgoingQueue", DEFAULT_QUEUE)));
        delivery = new GatewayDelivery(routes, new SmtpRelayClient(heloName, timeout), queue, traces,
            new DeliveryFailureNotice(heloName), getMailetContext(), clock);
        // One thread more than the deliveries: the queue consumer holds one while it waits for mail.
        deliveryScheduler = Schedulers.newBoundedElastic(threads + 1, Integer.MAX_VALUE, "gateway-relay");
        // A queue may block while waiting for mail (James's ActiveMQ queue does): never on the caller's thread,
        // or the server's start would wait for the first relayed mail.
        consumer = Flux.from(queue.deQueue())
            .subscribeOn(deliveryScheduler)
            .flatMap(item -> Mono.fromRunnable(() -> attempt(item)).subscribeOn(deliveryScheduler), threads)
            .subscribe();
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        Map<Domain, List<MailAddress>> gatewayRecipients = mail.getRecipients().stream()
            .filter(recipient -> routes.retrieve(recipient.getDomain()).isPresent())
            .collect(Collectors.groupingBy(MailAddress::getDomain));
        for (Map.Entry<Domain, List<MailAddress>> domainRecipients : gatewayRecipients.entrySet()) {
            MailImpl relayed = MailImpl.duplicate(mail);
            relayed.setName(mail.getName() + "-" + domainRecipients.getKey().asString());
            relayed.setRecipients(domainRecipients.getValue());
            delivery.startTracking(relayed, domainRecipients.getKey());
            queue.enQueue(relayed);
            LifecycleUtil.dispose(relayed);
        }
        Collection<MailAddress> remaining = mail.getRecipients().stream()
            .filter(recipient -> !gatewayRecipients.containsKey(recipient.getDomain()))
            .collect(Collectors.toList());
        mail.setRecipients(remaining);
        if (remaining.isEmpty()) {
            mail.setState(Mail.GHOST);
        }
    }

    private void attempt(MailQueue.MailQueueItem item) {
        Mail mail = item.getMail();
        try {
            delivery.attempt(mail);
            item.done(MailQueue.MailQueueItem.CompletionStatus.SUCCESS);
        } catch (Exception e) {
            LOGGER.error("Gateway delivery of {} failed unexpectedly, it stays queued", mail.getName(), e);
            try {
                item.done(MailQueue.MailQueueItem.CompletionStatus.RETRY);
            } catch (MailQueue.MailQueueException retryFailure) {
                LOGGER.error("Could not put {} back in the queue", mail.getName(), retryFailure);
            }
        } finally {
            LifecycleUtil.dispose(mail);
        }
    }

    @Override
    public void destroy() {
        Optional.ofNullable(consumer).ifPresent(Disposable::dispose);
        Optional.ofNullable(deliveryScheduler).ifPresent(Scheduler::dispose);
    }

    @Override
    public String getMailetInfo() {
        return "Relays gateway domains' mail to their own servers";
    }

    private int parseThreads(String value) {
        try {
            int threads = Integer.parseInt(value);
            if (threads > 0) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below with the parameter name
        }
        throw new IllegalArgumentException("GatewayRelay parameter deliveryThreads must be a positive integer, got " + value);
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
