package ch.postwall.filter.trace;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;

import com.google.common.base.Preconditions;

/**
 * One processed message as the gateway saw it: who sent it from where, to whom, what the checks
 * said and what was done. Never any content beyond the Message-ID.
 *
 * @param checks the analysis results by check name (e.g. {@code spam.score -> 4.2}, {@code virus -> clean})
 */
public record MessageTrace(String id, Instant time, String remoteIp, MaybeSender sender, List<MailAddress> recipients,
                           Optional<String> messageId, long size, Map<String, String> checks, String verdict,
                           String action, DeliveryStatus delivery) {
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public MessageTrace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(remoteIp, "remoteIp");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(delivery, "delivery");
        Preconditions.checkArgument(!recipients.isEmpty(), "A traced message has at least one recipient");
        recipients = List.copyOf(recipients);
        checks = Map.copyOf(checks);
    }

    public MessageTrace withDelivery(DeliveryStatus newDelivery) {
        return new MessageTrace(id, time, remoteIp, sender, recipients, messageId, size, checks, verdict, action, newDelivery);
    }

    /** Whether the user sent or received the message: such entries are the user's data. */
    public boolean concerns(MailAddress user) {
        return sender.asOptional().filter(user::equals).isPresent() || recipients.contains(user);
    }

    public boolean concerns(Domain domain) {
        return sender.asOptional().filter(address -> address.getDomain().equals(domain)).isPresent()
            || hasRecipientIn(domain);
    }

    public boolean hasRecipientIn(Domain domain) {
        return recipients.stream().anyMatch(recipient -> recipient.getDomain().equals(domain));
    }
}
