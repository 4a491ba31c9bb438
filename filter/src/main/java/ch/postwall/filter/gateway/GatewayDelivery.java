package ch.postwall.filter.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.mail.MessagingException;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.queue.api.MailQueue;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.postwall.filter.trace.DeliveryStatus;
import ch.postwall.filter.trace.MessageTraceStore;
import ch.postwall.filter.trace.TraceAttributes;

/**
 * One delivery attempt of a queued gateway mail, and what follows from it: done when the target
 * accepted every recipient, re-queued with the route's next delay for temporary failures, and a
 * failure notice to the sender for permanent failures or once the retry period is over.
 */
public class GatewayDelivery {
    public static final AttributeName DOMAIN = AttributeName.of("postwall.gateway.domain");
    /** Epoch milliseconds of the first attempt: the retry period counts from there. */
    public static final AttributeName FIRST_ATTEMPT = AttributeName.of("postwall.gateway.firstAttempt");
    public static final AttributeName FAILURES = AttributeName.of("postwall.gateway.failures");

    private static final Logger LOGGER = LoggerFactory.getLogger(GatewayDelivery.class);

    private final GatewayRouteStore routes;
    private final SmtpRelayClient client;
    private final MailQueue queue;
    private final MessageTraceStore traces;
    private final DeliveryFailureNotice notice;
    private final MailetContext context;
    private final Clock clock;

    public GatewayDelivery(GatewayRouteStore routes, SmtpRelayClient client, MailQueue queue, MessageTraceStore traces,
                           DeliveryFailureNotice notice, MailetContext context, Clock clock) {
        this.routes = routes;
        this.client = client;
        this.queue = queue;
        this.traces = traces;
        this.notice = notice;
        this.context = context;
        this.clock = clock;
    }

    /** Marks a mail, holding only recipients of the domain, for its first attempt now. */
    public void startTracking(Mail mail, Domain domain) {
        mail.setAttribute(new Attribute(DOMAIN, AttributeValue.of(domain.asString())));
        mail.setAttribute(new Attribute(FIRST_ATTEMPT, AttributeValue.of(clock.millis())));
        mail.setAttribute(new Attribute(FAILURES, AttributeValue.of(0)));
    }

    public void attempt(Mail mail) throws MessagingException {
        Domain domain = Domain.of(AttributeUtils.getValueAndCastFromMail(mail, DOMAIN, String.class)
            .orElseThrow(() -> new IllegalStateException("Mail " + mail.getName() + " has no gateway domain")));
        Optional<GatewayRoute> route = routes.retrieve(domain);
        if (route.isEmpty()) {
            LOGGER.warn("Gateway domain {} has no route any more: mail {} fails", domain.asString(), mail.getName());
            notifySender(mail, failuresOf(mail, "No route to the domain's server is configured any more"), false);
            updateTrace(mail, DeliveryStatus.BOUNCED);
            return;
        }
        DeliveryOutcome outcome = client.deliver(route.get(), mail);
        if (!outcome.delivered().isEmpty()) {
            LOGGER.info("Relayed {} to {} recipients of {}", mail.getName(), outcome.delivered().size(), domain.asString());
        }
        if (!outcome.permanentFailures().isEmpty()) {
            notifySender(mail, outcome.permanentFailures(), false);
        }
        if (!outcome.temporaryFailures().isEmpty()) {
            deferOrExpire(mail, route.get(), outcome.temporaryFailures());
            return;
        }
        updateTrace(mail, outcome.permanentFailures().isEmpty() ? DeliveryStatus.RELAYED : DeliveryStatus.BOUNCED);
    }

    private void deferOrExpire(Mail mail, GatewayRoute route, Map<MailAddress, String> failures) throws MessagingException {
        int failureCount = AttributeUtils.getValueAndCastFromMail(mail, FAILURES, Integer.class).orElse(0) + 1;
        Instant firstAttempt = Instant.ofEpochMilli(AttributeUtils.getValueAndCastFromMail(mail, FIRST_ATTEMPT, Long.class)
            .orElseGet(clock::millis));
        Duration delay = route.retrySchedule().delayAfterFailures(failureCount);
        Instant nextAttempt = clock.instant().plus(delay);
        if (nextAttempt.isAfter(firstAttempt.plus(route.retryPeriod()))) {
            LOGGER.info("Retry period of {} over for mail {} after {} attempts", route.domain().asString(), mail.getName(), failureCount);
            notifySender(mail, failures, true);
            updateTrace(mail, DeliveryStatus.BOUNCED);
            return;
        }
        MailImpl retry = MailImpl.duplicate(mail);
        retry.setName(mail.getName());
        retry.setRecipients(failures.keySet());
        retry.setAttribute(new Attribute(FAILURES, AttributeValue.of(failureCount)));
        queue.enQueue(retry, delay);
        LOGGER.info("Deferred mail {} to {}: attempt {} in {}", mail.getName(), route.domain().asString(), failureCount + 1, delay);
        updateTrace(mail, DeliveryStatus.DEFERRED);
    }

    private static Map<MailAddress, String> failuresOf(Mail mail, String reason) {
        return mail.getRecipients().stream().collect(Collectors.toMap(recipient -> recipient, recipient -> reason));
    }

    private void notifySender(Mail mail, Map<MailAddress, String> failures, boolean expired) throws MessagingException {
        Optional<MailAddress> sender = mail.getMaybeSender().asOptional();
        if (sender.isEmpty()) {
            // A bounce that cannot be delivered is not answered: that would loop.
            LOGGER.info("Mail {} with null sender failed for {} recipients: no notice", mail.getName(), failures.size());
            return;
        }
        context.sendMail(MailAddress.nullSender(), List.of(sender.get()),
            notice.build(mail.getMessage(), context.getPostmaster(), sender.get(), failures, expired, clock.instant()));
    }

    private void updateTrace(Mail mail, DeliveryStatus status) {
        AttributeUtils.getValueAndCastFromMail(mail, TraceAttributes.TRACE_ID, String.class)
            .ifPresent(traceId -> traces.updateDelivery(traceId, status));
    }
}
