package ch.postwall.filter.gateway;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import javax.mail.Address;
import javax.mail.MessagingException;
import javax.mail.SendFailedException;
import javax.mail.Session;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.mail.smtp.SMTPAddressFailedException;
import com.sun.mail.smtp.SMTPSendFailedException;
import com.sun.mail.smtp.SMTPTransport;

/** Delivers a mail over SMTP to a gateway route's target, honouring its TLS policy. */
public class SmtpRelayClient {
    private static final Logger LOGGER = LoggerFactory.getLogger(SmtpRelayClient.class);

    private final String heloName;
    private final Duration timeout;

    public SmtpRelayClient(String heloName, Duration timeout) {
        this.heloName = heloName;
        this.timeout = timeout;
    }

    public DeliveryOutcome deliver(GatewayRoute route, Mail mail) {
        Collection<MailAddress> recipients = mail.getRecipients();
        Session session = Session.getInstance(sessionProperties(route, mail));
        try (SMTPTransport transport = (SMTPTransport) session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(mail.getMessage(), toAddresses(recipients));
            return new DeliveryOutcome(Set.copyOf(recipients), Map.of(), Map.of());
        } catch (SendFailedException e) {
            return classify(recipients, e);
        } catch (MessagingException | RuntimeException e) {
            // The target is unreachable, its TLS unusable, or the session broke off: worth another try.
            LOGGER.info("Relay of {} to {}:{} failed temporarily: {}", mail.getName(), route.host(), route.port(), e.getMessage());
            Map<MailAddress, String> failures = new HashMap<>();
            recipients.forEach(recipient -> failures.put(recipient, describe(e)));
            return new DeliveryOutcome(Set.of(), failures, Map.of());
        }
    }

    private Properties sessionProperties(GatewayRoute route, Mail mail) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", route.host());
        properties.setProperty("mail.smtp.port", String.valueOf(route.port()));
        properties.setProperty("mail.smtp.localhost", heloName);
        properties.setProperty("mail.smtp.from", mail.getMaybeSender().asString());
        properties.setProperty("mail.smtp.connectiontimeout", String.valueOf(timeout.toMillis()));
        properties.setProperty("mail.smtp.timeout", String.valueOf(timeout.toMillis()));
        // Deliver to the accepted recipients even when the target refuses some of them.
        properties.setProperty("mail.smtp.sendpartial", "true");
        switch (route.tlsPolicy()) {
            case NONE:
                properties.setProperty("mail.smtp.starttls.enable", "false");
                break;
            case OPPORTUNISTIC:
                // Customers' servers often have self-signed certificates: encrypt without authenticating.
                properties.setProperty("mail.smtp.starttls.enable", "true");
                properties.setProperty("mail.smtp.ssl.trust", "*");
                break;
            case REQUIRED:
                properties.setProperty("mail.smtp.starttls.enable", "true");
                properties.setProperty("mail.smtp.starttls.required", "true");
                properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
                break;
            default:
                throw new IllegalStateException("Unhandled TLS policy " + route.tlsPolicy());
        }
        return properties;
    }

    private DeliveryOutcome classify(Collection<MailAddress> recipients, SendFailedException failure) {
        Set<MailAddress> delivered = new HashSet<>(toMailAddresses(failure.getValidSentAddresses()));
        Map<MailAddress, String> temporary = new HashMap<>();
        Map<MailAddress, String> permanent = new HashMap<>();
        for (Exception next = failure; next != null; next = nextOf(next)) {
            if (next instanceof SMTPAddressFailedException addressFailure) {
                toMailAddress(addressFailure.getAddress()).ifPresent(recipient ->
                    (isPermanent(addressFailure.getReturnCode()) ? permanent : temporary).put(recipient, describe(addressFailure)));
            }
        }
        // Recipients without their own reply share the fate of the whole transaction (e.g. DATA refused).
        boolean wholePermanent = failure instanceof SMTPSendFailedException sendFailure && isPermanent(sendFailure.getReturnCode());
        recipients.stream()
            .filter(recipient -> !delivered.contains(recipient) && !temporary.containsKey(recipient) && !permanent.containsKey(recipient))
            .forEach(recipient -> (wholePermanent ? permanent : temporary).put(recipient, describe(failure)));
        return new DeliveryOutcome(delivered, temporary, permanent);
    }

    private static boolean isPermanent(int replyCode) {
        return replyCode >= 500 && replyCode < 600;
    }

    private static Exception nextOf(Exception exception) {
        return exception instanceof MessagingException messagingException ? messagingException.getNextException() : null;
    }

    private static String describe(Exception exception) {
        return Optional.ofNullable(exception.getMessage()).map(String::trim).orElse(exception.getClass().getSimpleName());
    }

    private static Address[] toAddresses(Collection<MailAddress> recipients) {
        return recipients.stream()
            .map(recipient -> recipient.toInternetAddress()
                .orElseThrow(() -> new IllegalArgumentException("Recipient cannot be relayed: " + recipient.asString())))
            .toArray(Address[]::new);
    }

    private static Set<MailAddress> toMailAddresses(Address[] addresses) {
        Set<MailAddress> result = new HashSet<>();
        if (addresses != null) {
            for (Address address : addresses) {
                toMailAddress(address).ifPresent(result::add);
            }
        }
        return result;
    }

    private static Optional<MailAddress> toMailAddress(Address address) {
        if (!(address instanceof InternetAddress internetAddress)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MailAddress(internetAddress));
        } catch (AddressException e) {
            return Optional.empty();
        }
    }
}
