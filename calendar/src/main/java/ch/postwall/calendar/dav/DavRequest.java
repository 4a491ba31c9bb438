package ch.postwall.calendar.dav;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.james.core.Username;

/** One authenticated HTTP request as the handlers see it, free of any HTTP server API. */
public record DavRequest(String method, String path, Map<String, String> headers, byte[] body, Username user) {
    public DavRequest {
        headers = headers.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(entry -> entry.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue,
                // Header names are case-insensitive: spellings that differ only in case are one header.
                (first, second) -> first + ", " + second));
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
}
