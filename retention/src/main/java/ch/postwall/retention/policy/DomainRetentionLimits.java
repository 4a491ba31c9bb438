package ch.postwall.retention.policy;

import java.util.Objects;

/** The product limits an admin set for a domain, per kind of content. */
public record DomainRetentionLimits(RetentionLimits mail, RetentionLimits calendar) {
    public static final DomainRetentionLimits NONE = new DomainRetentionLimits(RetentionLimits.NONE, RetentionLimits.NONE);

    public DomainRetentionLimits {
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(calendar, "calendar");
    }

    public RetentionLimits of(ContainerKind kind) {
        return switch (kind) {
            case MAIL_FOLDER -> mail;
            case CALENDAR -> calendar;
        };
    }

    /** Refuses a choice outside the limits of its kind. */
    public void check(RetentionChoice choice) {
        RetentionLimits limits = of(choice.kind());
        if (!limits.allows(choice.period())) {
            throw new RetentionOutsideLimitsException(choice, limits);
        }
    }
}
