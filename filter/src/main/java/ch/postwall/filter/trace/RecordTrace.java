package ch.postwall.filter.trace;

import java.util.Arrays;
import java.util.Locale;

import javax.inject.Inject;
import javax.mail.MessagingException;

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
    public static final String NO_VERDICT = MessageTracer.NO_VERDICT;

    private final MessageTracer tracer;
    private String action;
    private DeliveryStatus delivery;

    @Inject
    public RecordTrace(MessageTracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public void init() throws MessagingException {
        action = getInitParameterAsOptional("action")
            .orElseThrow(() -> new MessagingException("RecordTrace needs the parameter action (e.g. relay, deliver, quarantine)"));
        delivery = getInitParameterAsOptional("delivery").map(RecordTrace::parseDelivery).orElse(DeliveryStatus.PENDING);
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        if (tracer.record(mail, action, delivery).isEmpty()) {
            LOGGER.debug("Mail {} has no recipient left: nothing to trace", mail.getName());
        }
    }

    @Override
    public String getMailetInfo() {
        return "Appends the chain's decision to the message trace";
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
