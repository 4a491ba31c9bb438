package ch.postwall.server.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's command-line options, each {@code --name=value}:
 * {@code --messages} (N, default 2000), {@code --size-kb} (S, default 10), {@code --sessions}
 * (C, default 10), {@code --requests} (IMAP requests per kind, default 200), {@code --warmup} (messages
 * sent to another mailbox before measuring, default 200; 0 for none) and {@code --reference} (also
 * measure Postfix + Dovecot, default true).
 */
public final class BenchmarkParameters {
    private static final Set<String> NAMES = Set.of("messages", "size-kb", "sessions", "requests", "warmup", "reference");

    public final int messages;
    public final int sizeKb;
    public final int sessions;
    public final int requests;
    public final int warmup;
    public final boolean reference;

    private BenchmarkParameters(int messages, int sizeKb, int sessions, int requests, int warmup, boolean reference) {
        this.messages = messages;
        this.sizeKb = sizeKb;
        this.sessions = sessions;
        this.requests = requests;
        this.warmup = warmup;
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
        int messages = count(values, "messages", 2000, 1);
        int sessions = count(values, "sessions", 10, 1);
        int warmup = count(values, "warmup", 200, 0);
        if (sessions > messages || (warmup > 0 && sessions > warmup)) {
            throw new IllegalArgumentException("--sessions=" + sessions + " exceeds --messages=" + messages
                + " or --warmup=" + warmup);
        }
        return new BenchmarkParameters(messages, count(values, "size-kb", 10, 1), sessions,
            count(values, "requests", 200, 1), warmup, bool(values, "reference", true));
    }

    private static int count(Map<String, String> values, String name, int defaultValue, int minimum) {
        String value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= minimum) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Reported below with the option's name.
        }
        throw new IllegalArgumentException("--" + name + " must be an integer of at least " + minimum + ", got '" + value + "'");
    }

    private static boolean bool(Map<String, String> values, String name, boolean defaultValue) {
        String value = values.getOrDefault(name, String.valueOf(defaultValue));
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("--" + name + " must be true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }
}
