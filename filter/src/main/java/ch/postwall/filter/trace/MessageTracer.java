package ch.postwall.filter.trace;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;

/**
 * Appends one decision about a mail to the message trace: its envelope, the checks and verdict the
 * analysis attached as attributes, the action taken and the delivery status. Never its content.
 */
public class MessageTracer {
    /** The verdict traced when no analysis set one. */
    public static final String NO_VERDICT = "none";

    private final MessageTraceStore store;
    private final Clock clock;

    @Inject
    public MessageTracer(MessageTraceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Records the decision and leaves the entry's id on the mail for later delivery updates. */
    public Optional<MessageTrace> record(Mail mail, String action, DeliveryStatus delivery) throws MessagingException {
        List<MailAddress> recipients = List.copyOf(mail.getRecipients());
        if (recipients.isEmpty()) {
            return Optional.empty();
        }
        MessageTrace trace = new MessageTrace(MessageTrace.newId(), clock.instant(), mail.getRemoteAddr(),
            mail.getMaybeSender(), recipients, Optional.ofNullable(mail.getMessage()).flatMap(MessageTracer::messageId),
            mail.getMessageSize(), checks(mail),
            AttributeUtils.getValueAndCastFromMail(mail, TraceAttributes.VERDICT, String.class).orElse(NO_VERDICT),
            action, delivery);
        store.append(trace);
        mail.setAttribute(new Attribute(TraceAttributes.TRACE_ID, AttributeValue.of(trace.id())));
        return Optional.of(trace);
    }

    private static Map<String, String> checks(Mail mail) {
        Map<String, String> checks = new HashMap<>();
        mail.attributes().forEach(attribute -> {
            String name = attribute.getName().asString();
            if (TraceAttributes.CHECKS.contains(attribute.getName())) {
                checks.put(name, String.valueOf(attribute.getValue().value()));
            } else if (name.startsWith(TraceAttributes.CHECK_PREFIX)) {
                checks.put(name.substring(TraceAttributes.CHECK_PREFIX.length()), String.valueOf(attribute.getValue().value()));
            }
        });
        return checks;
    }

    private static Optional<String> messageId(MimeMessage message) {
        try {
            return Optional.ofNullable(message.getMessageID());
        } catch (MessagingException e) {
            return Optional.empty();
        }
    }
}
