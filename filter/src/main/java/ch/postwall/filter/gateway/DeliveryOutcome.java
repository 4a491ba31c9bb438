package ch.postwall.filter.gateway;

import java.util.Map;
import java.util.Set;

import org.apache.james.core.MailAddress;

/**
 * What one SMTP attempt achieved, per recipient.
 *
 * @param temporaryFailures recipients to retry, with the reason (an SMTP reply or a connection problem)
 * @param permanentFailures recipients the target refused for good (5xx), with its reply
 */
public record DeliveryOutcome(Set<MailAddress> delivered, Map<MailAddress, String> temporaryFailures,
                              Map<MailAddress, String> permanentFailures) {
    public DeliveryOutcome {
        delivered = Set.copyOf(delivered);
        temporaryFailures = Map.copyOf(temporaryFailures);
        permanentFailures = Map.copyOf(permanentFailures);
    }
}
