package ch.postwall.server.bench;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import ch.postwall.filter.daemon.ClamdExtension;
import ch.postwall.filter.daemon.SpamdExtension;
import ch.postwall.server.TestConfiguration;

/** Real spamd and clamd for one run, started as the filter tests start them, with clamd's local signatures. */
final class Scanners implements AutoCloseable {
    private static final String UNREACHED_SCORE = "1000";
    final SpamdExtension spamd = new SpamdExtension();
    final ClamdExtension clamd = new ClamdExtension();

    private Scanners() {
    }

    static Scanners start() throws IOException, InterruptedException {
        Scanners scanners = new Scanners();
        try {
            scanners.spamd.start();
            scanners.clamd.start();
            return scanners;
        } catch (IOException | InterruptedException | RuntimeException e) {
            scanners.close();
            throw e;
        }
    }

    /**
     * Postwall's filter.properties keys for spam, virus and attachment checks, as FilterEndToEndTest sets
     * them, with thresholds no benchmark message reaches: spamd scores the generated word lists close to
     * 5 points, and a quarantined message would never reach the INBOX. Every scan still runs.
     */
    Map<String, String> filterProperties() {
        Map<String, String> properties = new HashMap<>(TestConfiguration.scannerFilter(spamd.endpoint(), clamd.endpoint()));
        properties.put("policy.default.quarantine.threshold", UNREACHED_SCORE);
        properties.put("policy.default.reject.threshold", UNREACHED_SCORE);
        return properties;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            clamd.close();
        } finally {
            spamd.close();
        }
    }
}
