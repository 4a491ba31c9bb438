package ch.postwall.server.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's command-line options, each {@code --name=value}:
 * {@code --messages} (N, default 2000), {@code --size-kb} (S, default 10), {@code --sessions}
 * (C, default 10), {@code --requests} (IMAP requests per kind, default 200) and {@code --reference}
 * (also measure Postfix + Dovecot, default true).
 */
public final class BenchmarkParameters {
    private static final Set<String> NAMES = Set.of("messages", "size-kb", "sessions", "requests", "reference");

    public final int messages;
    public final int sizeKb;
    public final int sessions;
    public final int requests;
    public final boolean reference;

    private BenchmarkParameters(int messages, int sizeKb, int sessions, int requests, boolean reference) {
        this.messages = messages;
        this.sizeKb = sizeKb;
        this.sessions = sessions;
        this.requests = requests;
        this.reference = reference;
    }

    public static BenchmarkParameters parse(String... arguments) {
        Map<String, String> values = new HashMap<>();
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            String name = argument.startsWith("--") && equals > 2 ? argument.substring(2, equals) : "";
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("Unknown option '" + argument + "'; expected --name=value with name one of "
                    + NAMES);
            }
            values.put(name, argument.substring(equals + 1));
        }
        int messages = positive(values, "messages", 2000);
        int sessions = positive(values, "sessions", 10);
        if (sessions > messages) {
            throw new IllegalArgumentException("--sessions=" + sessions + " exceeds --messages=" + messages);
        }
        return new BenchmarkParameters(messages, positive(values, "size-kb", 10), sessions,
            positive(values, "requests", 200), bool(values, "reference", true));
    }

    private static int positive(Map<String, String> values, String name, int defaultValue) {
        String value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Reported below with the option's name.
        }
        throw new IllegalArgumentException("--" + name + " must be a positive integer, got '" + value + "'");
    }

    private static boolean bool(Map<String, String> values, String name, boolean defaultValue) {
        String value = values.getOrDefault(name, String.valueOf(defaultValue));
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("--" + name + " must be true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }
}
