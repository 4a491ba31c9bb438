package ch.postwall.calendar.api;

import java.util.Optional;

/** What must hold about the current object for a write to proceed (If-Match / If-None-Match: *). */
public record WriteCondition(Kind kind, Optional<String> etag) {
    public enum Kind { ANY, ABSENT, EXISTS, MATCHING }

    public static final WriteCondition ANY = new WriteCondition(Kind.ANY, Optional.empty());
    public static final WriteCondition ABSENT = new WriteCondition(Kind.ABSENT, Optional.empty());
    public static final WriteCondition EXISTS = new WriteCondition(Kind.EXISTS, Optional.empty());

    public static WriteCondition matching(String etag) {
        return new WriteCondition(Kind.MATCHING, Optional.of(etag));
    }

    public boolean acceptsCurrent(Optional<String> currentEtag) {
        return switch (kind) {
            case ANY -> true;
            case ABSENT -> currentEtag.isEmpty();
            case EXISTS -> currentEtag.isPresent();
            case MATCHING -> currentEtag.isPresent() && currentEtag.equals(etag);
        };
    }
}
