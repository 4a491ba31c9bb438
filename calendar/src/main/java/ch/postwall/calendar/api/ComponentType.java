package ch.postwall.calendar.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The iCalendar components a collection may hold: events, tasks and notes (journals). */
public enum ComponentType {
    VEVENT,
    VTODO,
    VJOURNAL;

    public static Optional<ComponentType> parse(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(type -> type.name().equals(upper)).findFirst();
    }
}
