package ch.postwall.filter.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import ch.postwall.filter.scan.ScannerEndpoint;

/** SpamAssassin's spamd, offline: no DNS, no RBL, no Bayes, no Razor or Pyzor. */
public class SpamdExtension extends DaemonExtension {
    private static final Path SYSTEM_CONFIGURATION = Path.of("/etc/spamassassin");

    @Override
    protected List<String> prepare(Path directory, int port) throws IOException {
        Path site = Files.createDirectories(directory.resolve("site"));
        try (Stream<Path> files = Files.list(SYSTEM_CONFIGURATION)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, site.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(site.resolve("local.cf"), String.join("\n",
            "", "dns_available no", "skip_rbl_checks 1", "use_bayes 0", "use_razor2 0", "use_pyzor 0", ""),
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Path home = Files.createDirectories(directory.resolve("home"));
        home.toFile().setWritable(true, false);
        return List.of("spamd", "--listen=" + LOOPBACK + ":" + port, "--allowed-ips=127.0.0.1", "--local",
            "--siteconfigpath=" + site, "--nouser-config", "-u", "nobody", "--helper-home-dir=" + home,
            "--max-children=2", "--pidfile=" + directory.resolve("spamd.pid"));
    }

    @Override
    protected boolean ready(ScannerEndpoint endpoint) {
        return answers(endpoint, "PING SPAMC/1.5\r\n\r\n", "PONG");
    }

    @Override
    protected Duration startupTimeout() {
        return Duration.ofSeconds(120);
    }
}
