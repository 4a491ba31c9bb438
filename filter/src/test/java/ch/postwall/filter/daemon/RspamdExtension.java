package ch.postwall.filter.daemon;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import ch.postwall.filter.scan.ScannerEndpoint;

/** rspamd offline: every worker on loopback, DNS at a dead local port, network modules disabled. */
public class RspamdExtension extends DaemonExtension {
    private static final Path SYSTEM_CONFIGURATION = Path.of("/etc/rspamd");
    private static final List<String> NETWORK_MODULES = List.of("rbl", "spf", "dkim", "dmarc", "fuzzy_check", "asn",
        "arc", "dkim_signing", "greylist", "ratelimit", "neural", "url_redirector", "mx_check", "replies", "history_redis");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @Override
    protected List<String> prepare(Path directory, int port) throws IOException {
        Path configuration = directory.resolve("conf");
        copyTree(SYSTEM_CONFIGURATION, configuration);
        Path local = Files.createDirectories(configuration.resolve("local.d"));
        Path override = Files.createDirectories(configuration.resolve("override.d"));
        Files.writeString(override.resolve("worker-normal.inc"), "bind_socket = \"" + LOOPBACK + ":" + port + "\";\ncount = 1;\n");
        Files.writeString(override.resolve("worker-controller.inc"), "bind_socket = \"" + LOOPBACK + ":" + freePort() + "\";\ncount = 1;\n");
        Files.writeString(override.resolve("worker-proxy.inc"), "bind_socket = \"" + LOOPBACK + ":" + freePort() + "\";\ncount = 1;\n");
        Files.writeString(override.resolve("worker-fuzzy.inc"), "enabled = false;\n");
        Files.writeString(override.resolve("logging.inc"), "type = \"file\";\nfilename = \"" + directory.resolve("rspamd.log") + "\";\nlevel = \"warning\";\n");
        Files.writeString(local.resolve("options.inc"), "dns {\n  nameserver = [\"" + LOOPBACK + ":" + freePort() + "\"];\n"
            + "  timeout = 0.1s;\n  retransmits = 1;\n}\n");
        for (String module : NETWORK_MODULES) {
            Files.writeString(override.resolve(module + ".conf"), "enabled = false;\n");
        }
        return List.of("rspamd", "-f", "-i", "-u", "root", "-g", "root",
            "-c", configuration.resolve("rspamd.conf").toString(),
            "--var=CONFDIR=" + configuration, "--var=LOCAL_CONFDIR=" + configuration,
            "--var=DBDIR=" + Files.createDirectories(directory.resolve("db")),
            "--var=RUNDIR=" + Files.createDirectories(directory.resolve("run")),
            "--var=LOGDIR=" + directory);
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Override
    protected boolean ready(ScannerEndpoint endpoint) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + endpoint.host() + ":" + endpoint.port() + "/ping"))
                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    protected Duration startupTimeout() {
        return Duration.ofSeconds(60);
    }
}
