package ch.postwall.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ch.postwall.filter.scan.ScannerEndpoint;

/**
 * A copy of the shipped {@code conf/} directory for one test server: the same files a user starts
 * with, only bound to free loopback ports and with a known WebAdmin password.
 */
public final class TestConfiguration {
    public static final String ADMIN_PASSWORD = "test-admin-secret";

    private TestConfiguration() {
    }

    /** The repository's conf/ directory (tests run with the module directory as working directory). */
    public static Path shippedConfiguration() {
        Path conf = Path.of("..", "conf").toAbsolutePath().normalize();
        if (!Files.isDirectory(conf)) {
            throw new IllegalStateException("Cannot find the shipped configuration at " + conf);
        }
        return conf;
    }

    /**
     * Filter checks that need no daemon and no DNS: tests of mail hosting must not depend on spamd,
     * clamd or the network; the gateway's own end-to-end tests enable the real scanners.
     */
    public static final Map<String, String> OFFLINE_FILTER = Map.of("policy.default.checks", "attachments");

    /** The gateway's checks with the real scanners: spamd as the spam engine and clamd, plus attachment checks. */
    public static Map<String, String> scannerFilter(ScannerEndpoint spamd, ScannerEndpoint clamd) {
        return Map.of(
            "policy.default.checks", "spam, virus, attachments",
            "spam.engine", "spamd",
            "spam.host", spamd.host(),
            "spam.port", String.valueOf(spamd.port()),
            "clamd.host", clamd.host(),
            "clamd.port", String.valueOf(clamd.port()));
    }

    public static Path write(Path target, PostwallPorts ports) {
        return write(target, ports, OFFLINE_FILTER);
    }

    /** Sets each key of a properties file: its active line is replaced, or a line is appended. */
    public static void setProperties(Path file, Map<String, String> properties) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        for (Map.Entry<String, String> property : properties.entrySet()) {
            String line = property.getKey() + "=" + property.getValue();
            int index = indexOfKey(lines, property.getKey());
            if (index >= 0) {
                lines.set(index, line);
            } else {
                lines.add(line);
            }
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static int indexOfKey(List<String> lines, String key) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(key + "=")) {
                return i;
            }
        }
        return -1;
    }

    /** Copies the shipped configuration, binds it to the ports and sets the given filter.properties keys. */
    public static Path write(Path target, PostwallPorts ports, Map<String, String> filterProperties) {
        try {
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(shippedConfiguration())) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
            Map<String, String> replacements = Map.ofEntries(
                Map.entry("0.0.0.0:25<", "127.0.0.1:" + ports.smtp + "<"),
                Map.entry("0.0.0.0:587<", "127.0.0.1:" + ports.submission + "<"),
                Map.entry("0.0.0.0:465<", "127.0.0.1:" + ports.submissions + "<"),
                Map.entry("0.0.0.0:143<", "127.0.0.1:" + ports.imap + "<"),
                Map.entry("0.0.0.0:993<", "127.0.0.1:" + ports.imaps + "<"),
                Map.entry("0.0.0.0:110<", "127.0.0.1:" + ports.pop3 + "<"),
                Map.entry("0.0.0.0:995<", "127.0.0.1:" + ports.pop3s + "<"),
                Map.entry("127.0.0.1:24<", "127.0.0.1:" + ports.lmtp + "<"),
                Map.entry("port=8000", "port=" + ports.webAdmin),
                Map.entry("port=8443", "port=" + ports.calDav),
                Map.entry("bind.address=0.0.0.0", "bind.address=127.0.0.1"),
                Map.entry("port=9443", "port=" + ports.api),
                Map.entry("bindAddress=0.0.0.0", "bindAddress=127.0.0.1"),
                Map.entry("webadmin.admin.password=", "webadmin.admin.password=" + ADMIN_PASSWORD));
            for (Path file : (Iterable<Path>) Files.list(target)::iterator) {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                for (Map.Entry<String, String> replacement : replacements.entrySet()) {
                    content = content.replace(replacement.getKey(), replacement.getValue());
                }
                Files.writeString(file, content, StandardCharsets.UTF_8);
            }
            setProperties(target.resolve("filter.properties"), filterProperties);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
