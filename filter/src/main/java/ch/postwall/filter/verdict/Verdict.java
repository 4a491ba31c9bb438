package ch.postwall.filter.verdict;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What happens to a mail for one recipient; declared from the mildest to the strictest. */
public enum Verdict {
    ACCEPT,
    QUARANTINE,
    REJECT,
    TEMPFAIL;

    /** The lower-case form used in mail attributes and matcher conditions. */
    public String asString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Verdict parse(String value) {
        return Arrays.stream(values())
            .filter(verdict -> verdict.asString().equalsIgnoreCase(value.trim()))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("Unknown verdict '" + value + "', expected one of "
                + Arrays.stream(values()).map(Verdict::asString).collect(Collectors.joining(", "))));
    }
}
