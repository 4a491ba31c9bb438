package ch.postwall.server.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's command-line options, each {@code --name=value}:
 * {@code --messages} (N, default 2000), {@code --size-kb} (S, default 10), {@code --sessions}
 * (C, default 10), {@code --requests} (IMAP requests per kind, default 200), {@code --warmup} (messages
 * sent to another mailbox before measuring, default 40000 so that the JIT has compiled the server; 0 for none), {@code --reference} (also
 * measure Postfix + Dovecot, default true), {@code --backend} (Postwall's backend, embedded or
 * distributed), {@code --filter} (offline, or scanners: real spamd and clamd plus the in-process chain
 * overhead), {@code --attachments} (each message carries a PDF, ODT or text attachment, default false),
 * {@code --lag-samples} (messages whose indexing lag is measured, default 100; 0 for none) and
 * {@code --overhead-messages} (messages timed through the filter hook in process, default 1000).
 */
public final class BenchmarkParameters {
    private static final Set<String> NAMES = Set.of("messages", "size-kb", "sessions", "requests", "warmup", "reference",
        "backend", "filter", "attachments", "lag-samples", "overhead-messages");

    public enum Backend { EMBEDDED, DISTRIBUTED }

    public enum Filter { OFFLINE, SCANNERS }

    public final int messages;
    public final int sizeKb;
    public final int sessions;
    public final int requests;
    public final int warmup;
    public final boolean reference;
    public final Backend backend;
    public final Filter filter;
    public final boolean attachments;
    public final int lagSamples;
    public final int overheadMessages;

    private BenchmarkParameters(int messages, int sizeKb, int sessions, int requests, int warmup, boolean reference,
                                Backend backend, Filter filter, boolean attachments, int lagSamples, int overheadMessages) {
        this.messages = messages;
        this.sizeKb = sizeKb;
        this.sessions = sessions;
        this.requests = requests;
        this.warmup = warmup;
        this.reference = reference;
        this.backend = backend;
        this.filter = filter;
        this.attachments = attachments;
        this.lagSamples = lagSamples;
        this.overheadMessages = overheadMessages;
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
        int warmup = count(values, "warmup", 40000, 0);
        if (sessions > messages || (warmup > 0 && sessions > warmup)) {
            throw new IllegalArgumentException("--sessions=" + sessions + " exceeds --messages=" + messages
                + " or --warmup=" + warmup);
        }
        return new BenchmarkParameters(messages, count(values, "size-kb", 10, 1), sessions,
            count(values, "requests", 200, 1), warmup, bool(values, "reference", true),
            choice(values, "backend", Backend.EMBEDDED), choice(values, "filter", Filter.OFFLINE),
            bool(values, "attachments", false), count(values, "lag-samples", 100, 0),
            count(values, "overhead-messages", 1000, 1));
    }

    private static <E extends Enum<E>> E choice(Map<String, String> values, String name, E defaultValue) {
        String value = values.getOrDefault(name, defaultValue.name().toLowerCase(Locale.ROOT));
        for (E constant : defaultValue.getDeclaringClass().getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("--" + name + " must be one of " + Arrays.stream(defaultValue.getDeclaringClass()
            .getEnumConstants()).map(constant -> constant.name().toLowerCase(Locale.ROOT)).toList() + ", got '" + value + "'");
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
