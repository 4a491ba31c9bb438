package ch.postwall.retention.policy;

import java.time.Duration;
import java.util.Optional;

/** A user chose a retention outside the limits of the domain; the message is meant for the user. */
public class RetentionOutsideLimitsException extends IllegalArgumentException {
    public RetentionOutsideLimitsException(RetentionChoice choice, RetentionLimits limits) {
        super("Retention " + describe(choice.period()) + " for " + choice.kind().name().toLowerCase().replace('_', ' ')
            + " '" + choice.container() + "' is outside the limits of your domain: at least "
            + limits.minimum().map(RetentionOutsideLimitsException::days).orElse("0 days") + ", at most "
            + limits.maximum().map(RetentionOutsideLimitsException::days).orElse("forever"));
    }

    private static String describe(Optional<Duration> period) {
        return period.map(RetentionOutsideLimitsException::days).orElse("forever");
    }

    private static String days(Duration period) {
        return period.toDays() + " days";
    }
}
