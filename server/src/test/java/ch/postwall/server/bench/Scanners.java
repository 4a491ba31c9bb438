package ch.postwall.server.bench;

import java.io.IOException;
import java.util.Map;

import ch.postwall.filter.daemon.ClamdExtension;
import ch.postwall.filter.daemon.SpamdExtension;
import ch.postwall.server.TestConfiguration;

/** Real spamd and clamd for one run, started as the filter tests start them, with clamd's local signatures. */
final class Scanners implements AutoCloseable {
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

    /** Postwall's filter.properties keys for spam, virus and attachment checks, as FilterEndToEndTest sets them. */
    Map<String, String> filterProperties() {
        return TestConfiguration.scannerFilter(spamd.endpoint(), clamd.endpoint());
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
