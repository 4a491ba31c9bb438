package ch.postwall.filter.trace;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends the chain's decision about a mail to the message trace: the verdict and checks the
 * analysis mailets left as {@link TraceAttributes}, the {@code action} this mailet is configured
 * with, and the initial {@code delivery} status (default {@code pending}). It leaves the entry's
 * id in {@link TraceAttributes#TRACE_ID} so that delivery can update the entry.
 */
public class RecordTrace extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(RecordTrace.class);
    /** The verdict traced when no analysis mailet set one. */
    public static final String NO_VERDICT = "none";

    private final MessageTraceStore store;
    private final Clock clock;
    private String action;
    private DeliveryStatus delivery;

    @Inject
    public RecordTrace(MessageTraceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void init() throws MessagingException {
        action = getInitParameterAsOptional("action")
            .orElseThrow(() -> new MessagingException("RecordTrace needs the parameter action (e.g. relay, deliver, quarantine)"));
        delivery = getInitParameterAsOptional("delivery").map(RecordTrace::parseDelivery).orElse(DeliveryStatus.PENDING);
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        List<MailAddress> recipients = List.copyOf(mail.getRecipients());
        if (recipients.isEmpty()) {
            LOGGER.debug("Mail {} has no recipient left: nothing to trace", mail.getName());
            return;
        }
        MessageTrace trace = new MessageTrace(MessageTrace.newId(), clock.instant(), mail.getRemoteAddr(),
            mail.getMaybeSender(), recipients, Optional.ofNullable(mail.getMessage()).map(RecordTrace::messageId).flatMap(id -> id),
            mail.getMessageSize(), checks(mail),
            AttributeUtils.getValueAndCastFromMail(mail, TraceAttributes.VERDICT, String.class).orElse(NO_VERDICT),
            action, delivery);
        store.append(trace);
        mail.setAttribute(new Attribute(TraceAttributes.TRACE_ID, AttributeValue.of(trace.id())));
    }

    @Override
    public String getMailetInfo() {
        return "Appends the chain's decision to the message trace";
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

    private static DeliveryStatus parseDelivery(String value) {
        try {
            return DeliveryStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("RecordTrace parameter delivery must be one of "
                + Arrays.toString(DeliveryStatus.values()) + ", got " + value, e);
        }
    }
}
