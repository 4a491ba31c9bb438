package ch.postwall.retention.policy;

import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

import com.google.common.base.Preconditions;

/**
 * A user's retention for one mail folder (full name, e.g. {@code Archive.2024}) or calendar.
 * An empty period means forever, which only a domain without maximum allows.
 */
public record RetentionChoice(ContainerKind kind, String container, Optional<Duration> period) {
    /** The order of {@link RetentionPolicyStore#choices}. */
    public static final Comparator<RetentionChoice> ORDER = Comparator.comparing(RetentionChoice::kind)
        .thenComparing(RetentionChoice::container);

    public static RetentionChoice mailFolder(String folder, Duration period) {
        return new RetentionChoice(ContainerKind.MAIL_FOLDER, folder, Optional.of(period));
    }

    public static RetentionChoice calendar(String calendar, Duration period) {
        return new RetentionChoice(ContainerKind.CALENDAR, calendar, Optional.of(period));
    }

    public RetentionChoice {
        Objects.requireNonNull(kind, "kind");
        Preconditions.checkArgument(container != null && !container.isBlank(), "A retention choice needs a folder or calendar name");
        period.ifPresent(p -> RetentionLimits.checkPositive(p, "period"));
    }
}
