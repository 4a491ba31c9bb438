package ch.postwall.server.api;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import ch.postwall.server.roles.Principal;

/** One authenticated request: who, the path parameters of its route, its query parameters and its body. */
public record ApiRequest(Principal principal, List<String> pathParameters, Map<String, String> query, byte[] body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.put(name, value);
        }
        return parameters;
    }

    public String path(int index) {
        return pathParameters.get(index);
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(query.get(name)).filter(value -> !value.isEmpty());
    }

    public Optional<Instant> instant(String name) {
        return parameter(name).map(value -> {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest(name + " must be an ISO-8601 instant such as 2026-11-20T10:00:00Z");
            }
        });
    }

    /** The body as a JSON object; 400 when it is not one. */
    public Map<String, Object> jsonBody() {
        try {
            return JSON.readValue(body, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
    }

    public int integer(String name, int defaultValue) {
        return parameter(name).map(value -> {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest(name + " must be an integer");
            }
        }).orElse(defaultValue);
    }
}
