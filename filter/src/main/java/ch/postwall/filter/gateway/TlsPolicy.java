package ch.postwall.filter.gateway;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the relay secures its SMTP session with a gateway domain's own server. */
public enum TlsPolicy {
    /** Plain SMTP, never STARTTLS. */
    NONE,
    /** STARTTLS when the target offers it, without verifying its certificate; plain otherwise. */
    OPPORTUNISTIC,
    /** STARTTLS with a verified certificate, or no delivery (a temporary failure). */
    REQUIRED;

    public static TlsPolicy parse(String value) {
        return Arrays.stream(values())
            .filter(policy -> policy.asString().equals(value.trim().toLowerCase(Locale.ROOT)))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("Unknown TLS policy '" + value + "', expected one of "
                + Arrays.stream(values()).map(TlsPolicy::asString).collect(Collectors.joining(", "))));
    }

    public String asString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
