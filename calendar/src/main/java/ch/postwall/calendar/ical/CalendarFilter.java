package ch.postwall.calendar.ical;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import ch.postwall.calendar.api.TimeRange;

/** The filter of a calendar-query REPORT (RFC 4791 9.7), independent of its XML form. */
public final class CalendarFilter {
    private CalendarFilter() {
    }

    public record CompFilter(String name, boolean isNotDefined, Optional<TimeRange> timeRange,
                             List<PropFilter> propFilters, List<CompFilter> compFilters) {
        public CompFilter {
            propFilters = List.copyOf(propFilters);
            compFilters = List.copyOf(compFilters);
        }
    }

    public record PropFilter(String name, boolean isNotDefined, Optional<TimeRange> timeRange,
                             Optional<TextMatch> textMatch, List<ParamFilter> paramFilters) {
        public PropFilter {
            paramFilters = List.copyOf(paramFilters);
        }
    }

    public record ParamFilter(String name, boolean isNotDefined, Optional<TextMatch> textMatch) {
    }

    /** A substring match under a collation (RFC 4790): i;ascii-casemap (default) or i;octet. */
    public record TextMatch(String text, Collation collation, boolean negate) {
        public boolean matches(String value) {
            boolean contains = collation == Collation.OCTET
                ? value.contains(text)
                : value.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
            return contains != negate;
        }
    }

    public enum Collation {
        ASCII_CASEMAP("i;ascii-casemap"),
        OCTET("i;octet");

        private final String identifier;

        Collation(String identifier) {
            this.identifier = identifier;
        }

        public static Optional<Collation> parse(String identifier) {
            for (Collation collation : values()) {
                if (collation.identifier.equals(identifier)) {
                    return Optional.of(collation);
                }
            }
            return Optional.empty();
        }
    }
}
