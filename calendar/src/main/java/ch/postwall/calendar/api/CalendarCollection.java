package ch.postwall.calendar.api;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.apache.james.core.Username;

/**
 * One calendar, task list or notes collection of a user. {@code syncRevision} is maintained by the
 * store: it grows with every change of a member and serves as sync token and ctag.
 */
public record CalendarCollection(Username owner, String id, String displayName, Optional<String> description,
                                 Optional<String> color, Set<ComponentType> components, long syncRevision) {
    public CalendarCollection {
        Objects.requireNonNull(owner);
        Objects.requireNonNull(id);
        Objects.requireNonNull(displayName);
        Objects.requireNonNull(description);
        Objects.requireNonNull(color);
        components = Set.copyOf(components);
        if (components.isEmpty()) {
            throw new IllegalArgumentException("A collection supports at least one component type");
        }
    }

    public static CalendarCollection create(Username owner, String id, String displayName, Set<ComponentType> components) {
        return new CalendarCollection(owner, id, displayName, Optional.empty(), Optional.empty(), components, 0);
    }

    public CalendarCollection withDisplayName(String newDisplayName) {
        return new CalendarCollection(owner, id, newDisplayName, description, color, components, syncRevision);
    }

    public CalendarCollection withDescription(Optional<String> newDescription) {
        return new CalendarCollection(owner, id, displayName, newDescription, color, components, syncRevision);
    }

    public CalendarCollection withColor(Optional<String> newColor) {
        return new CalendarCollection(owner, id, displayName, description, newColor, components, syncRevision);
    }

    public CalendarCollection withSyncRevision(long revision) {
        return new CalendarCollection(owner, id, displayName, description, color, components, revision);
    }
}
