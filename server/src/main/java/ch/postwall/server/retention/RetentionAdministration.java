package ch.postwall.server.retention;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import ch.postwall.retention.contract.ContractStore;
import ch.postwall.retention.contract.ContractSubject;
import ch.postwall.retention.contract.DeletionReport;
import ch.postwall.retention.contract.Termination;
import ch.postwall.retention.policy.DomainRetentionLimits;
import ch.postwall.retention.policy.RetentionLimits;
import ch.postwall.retention.policy.RetentionPolicyStore;

/**
 * The administration of retention and contracts, shared by the REST API and WebAdmin so both read their
 * parameters and act alike. Parameters are looked up by name ({@code request::parameter}); durations are whole
 * days. An invalid value fails with an {@link IllegalArgumentException} naming the parameter.
 */
public class RetentionAdministration {
    public static final String MAIL_MINIMUM = "mailMinimumDays";
    public static final String MAIL_MAXIMUM = "mailMaximumDays";
    public static final String CALENDAR_MINIMUM = "calendarMinimumDays";
    public static final String CALENDAR_MAXIMUM = "calendarMaximumDays";
    public static final String EXPORT_WINDOW = "exportWindowDays";

    private final RetentionPolicyStore policies;
    private final ContractStore contracts;
    private final Clock clock;

    @Inject
    public RetentionAdministration(RetentionPolicyStore policies, ContractStore contracts, Clock clock) {
        this.policies = policies;
        this.contracts = contracts;
        this.clock = clock;
    }

    public DomainRetentionLimits limits(Domain domain) {
        return policies.limits(domain);
    }

    /** Replaces the domain's limits; an absent parameter means no limit on that side. */
    public DomainRetentionLimits setLimits(Domain domain, Function<String, Optional<String>> parameters) {
        DomainRetentionLimits limits = new DomainRetentionLimits(
            limits(parameters, MAIL_MINIMUM, MAIL_MAXIMUM), limits(parameters, CALENDAR_MINIMUM, CALENDAR_MAXIMUM));
        policies.setLimits(domain, limits);
        return limits;
    }

    /** Terminates the subject's contract now, with the export window given in days (default 30). */
    public Termination terminate(ContractSubject subject, Function<String, Optional<String>> parameters) {
        Duration window = parameters.apply(EXPORT_WINDOW).map(value -> days(EXPORT_WINDOW, value, 0))
            .orElse(Termination.DEFAULT_EXPORT_WINDOW);
        Termination termination = new Termination(subject, clock.instant(), window);
        contracts.terminate(termination);
        return termination;
    }

    /** Withdraws a termination whose wipe has not started. */
    public void cancel(ContractSubject subject) {
        contracts.cancel(subject);
    }

    public List<DeletionReport> reports() {
        return contracts.reports();
    }

    private static RetentionLimits limits(Function<String, Optional<String>> parameters, String minimumKey, String maximumKey) {
        Optional<Duration> minimum = parameters.apply(minimumKey).map(value -> days(minimumKey, value, 1));
        Optional<Duration> maximum = parameters.apply(maximumKey).map(value -> days(maximumKey, value, 1));
        try {
            return new RetentionLimits(minimum, maximum);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(minimumKey + " must not exceed " + maximumKey, e);
        }
    }

    /** A whole number of days, at least {@code least}. */
    public static Duration days(String key, String value, long least) {
        try {
            long days = Long.parseLong(value.trim());
            if (days >= least) {
                return Duration.ofDays(days);
            }
        } catch (NumberFormatException e) {
            // reported below, with the key
        }
        throw new IllegalArgumentException(key + " must be a whole number of days, at least " + least + ": " + value);
    }
}
