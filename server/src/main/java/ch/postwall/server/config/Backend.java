package ch.postwall.server.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The storage backends one Postwall server can run on. */
public enum Backend {
    EMBEDDED,
    DISTRIBUTED;

    public static Backend parse(String value) {
        return Arrays.stream(values())
            .filter(backend -> backend.configurationValue().equals(value.trim().toLowerCase(Locale.ROOT)))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not a backend; expected one of "
                + Arrays.stream(values()).map(Backend::configurationValue).collect(Collectors.joining(", "))));
    }

    public String configurationValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
