package ch.postwall.retention.contract;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import com.google.common.base.Preconditions;

/**
 * A terminated contract: from {@code effective} no new mail is accepted, the subject can still log in and
 * export during the export window, and at {@link #wipeAt()} everything is wiped.
 */
public record Termination(ContractSubject subject, Instant effective, Duration exportWindow) {
    public static final Duration DEFAULT_EXPORT_WINDOW = Duration.ofDays(30);

    public Termination {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(effective, "effective");
        Preconditions.checkArgument(!exportWindow.isNegative(), "The export window cannot be negative: %s", exportWindow);
    }

    public Instant wipeAt() {
        return effective.plus(exportWindow);
    }

    public boolean isEffectiveAt(Instant instant) {
        return !effective.isAfter(instant);
    }
}
