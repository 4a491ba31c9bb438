package ch.postwall.retention.policy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import ch.postwall.mailbox.lifecycle.UserRetention;

/**
 * Product limits per domain (set by admins) and users' retention choices per mail folder and calendar.
 * Kept until changed; a user's choices go with the user, a domain's limits and choices with the domain.
 */
public interface RetentionPolicyStore {
    void setLimits(Domain domain, DomainRetentionLimits limits);

    /** The domain's limits, {@link DomainRetentionLimits#NONE} when none were set. */
    DomainRetentionLimits limits(Domain domain);

    /**
     * Records the user's choice, replacing an earlier one for the same container.
     *
     * @throws RetentionOutsideLimitsException when the domain's limits do not allow it
     */
    void choose(Username user, RetentionChoice choice);

    void removeChoice(Username user, ContainerKind kind, String container);

    /** The user's choices ordered by kind then container: also the user's export. */
    List<RetentionChoice> choices(Username user);

    void deleteUser(Username user);

    /** Deletes the domain's limits and the choices of all its users. */
    void deleteDomain(Domain domain);

    /** What enforcement applies: the user's choices within the domain's current limits, the maximum elsewhere. */
    default UserRetention retentionOf(Username user) {
        DomainRetentionLimits limits = user.getDomainPart().map(this::limits).orElse(DomainRetentionLimits.NONE);
        List<RetentionChoice> choices = choices(user);
        return new UserRetention(limits.mail().maximum(), clamped(choices, ContainerKind.MAIL_FOLDER, limits.mail()),
            limits.calendar().maximum(), clamped(choices, ContainerKind.CALENDAR, limits.calendar()));
    }

    private static Map<String, Optional<Duration>> clamped(List<RetentionChoice> choices, ContainerKind kind,
                                                          RetentionLimits limits) {
        return choices.stream()
            .filter(choice -> choice.kind() == kind)
            .collect(Collectors.toMap(RetentionChoice::container, choice -> limits.clamp(choice.period())));
    }
}
