package ch.postwall.filter.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import ch.postwall.filter.scan.RspamdClient;
import ch.postwall.filter.scan.ScannerEndpoint;
import ch.postwall.filter.scan.SpamScanner;
import ch.postwall.filter.scan.SpamdClient;

/** The spam engine of an installation. */
public enum SpamEngine {
    SPAMD(783, SpamdClient::new),
    RSPAMD(11333, RspamdClient::new);

    private final int defaultPort;
    private final Function<ScannerEndpoint, SpamScanner> factory;

    SpamEngine(int defaultPort, Function<ScannerEndpoint, SpamScanner> factory) {
        this.defaultPort = defaultPort;
        this.factory = factory;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public SpamScanner client(ScannerEndpoint endpoint) {
        return factory.apply(endpoint);
    }

    static SpamEngine parse(String key, String value) {
        return Arrays.stream(values())
            .filter(engine -> engine.name().equalsIgnoreCase(value.trim()))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException(key + ": unknown spam engine '" + value + "', expected one of "
                + Arrays.stream(values()).map(engine -> engine.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))));
    }
}
