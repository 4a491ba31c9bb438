package ch.postwall.mailbox.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives tests a real OpenSearch 2.19.6 server: the one named by the environment variable
 * {@code POSTWALL_OPENSEARCH} (http://host:port), otherwise one server per JVM started from the
 * distribution Maven unpacks into {@code target/} (system property {@code postwall.opensearch.distribution},
 * see mailbox/pom.xml) on random loopback ports, stopped by a shutdown hook.
 * Tests isolate themselves by using their own index names.
 */
public class OpenSearchExtension implements BeforeAllCallback, ParameterResolver {
    public static final String ENVIRONMENT_VARIABLE = "POSTWALL_OPENSEARCH";
    public static final String DISTRIBUTION_PROPERTY = "postwall.opensearch.distribution";

    private static final Logger LOGGER = LoggerFactory.getLogger(OpenSearchExtension.class);
    private static final String VERSION = "2.19.6";
    // OpenSearch refuses to run as root.
    private static final String SERVICE_USER = "postwall-opensearch";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private static URI sharedServer;
    private static LocalServer localServer;

    /** The server this JVM started, which tests may stop and start again on the same port and data. */
    private record LocalServer(Path home, Path pidFile) {
        void launch(URI uri) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("runuser", "-u", SERVICE_USER, "--"));
            }
            command.addAll(List.of(home.resolve("bin/opensearch").toString(), "-d", "-p", pidFile.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("logs/launcher.out").toFile());
            builder.environment().put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("OPENSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m");
            Process launcher = builder.start();
            if (!launcher.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || launcher.exitValue() != 0) {
                launcher.destroyForcibly();
                throw new IllegalStateException("OpenSearch launcher failed: " + tail(home.resolve("logs/launcher.out")));
            }
            awaitHealthy(uri, home);
        }

        void terminate() {
            try {
                long pid = Long.parseLong(Files.readString(pidFile).trim());
                ProcessHandle.of(pid).ifPresent(process -> {
                    process.destroy();
                    try {
                        process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    } catch (Exception e) {
                        process.destroyForcibly();
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the OpenSearch pid file " + pidFile, e);
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        baseUri();
    }

    public static synchronized URI baseUri() {
        if (sharedServer == null) {
            sharedServer = Optional.ofNullable(System.getenv(ENVIRONMENT_VARIABLE))
                .filter(value -> !value.isBlank())
                .map(URI::create)
                .orElseGet(OpenSearchExtension::startLocalServer);
        }
        return sharedServer;
    }

    /** A configuration pointing at the test server, on an index and alias of its own, without replicas. */
    public static OpenSearchConfiguration newIndexConfiguration() {
        URI server = baseUri();
        String suffix = UUID.randomUUID().toString();
        return OpenSearchConfiguration.builder()
            .hosts(List.of(server.getHost() + ":" + server.getPort()))
            .indexName("test-" + suffix)
            .aliasName("test-alias-" + suffix)
            .replicas(0)
            .build();
    }

    /** Stops the OpenSearch server of this JVM, keeping its data, to test how clients live through an outage. */
    public static synchronized void pauseServer() {
        ownServer().terminate();
    }

    /** Starts the server stopped by {@link #pauseServer()} again, on the same port. */
    public static synchronized void resumeServer() {
        try {
            ownServer().launch(sharedServer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static LocalServer ownServer() {
        baseUri();
        if (localServer == null) {
            throw new IllegalStateException("The OpenSearch server named by " + ENVIRONMENT_VARIABLE + " cannot be stopped by tests");
        }
        return localServer;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == URI.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return baseUri();
    }

    private static URI startLocalServer() {
        try {
            Path distribution = Path.of(Optional.ofNullable(System.getProperty(DISTRIBUTION_PROPERTY))
                .orElseThrow(() -> new IllegalStateException("Set " + ENVIRONMENT_VARIABLE + " or the system property "
                    + DISTRIBUTION_PROPERTY + " (mailbox/pom.xml unpacks OpenSearch " + VERSION + ")")));
            Path workDirectory = Files.createTempDirectory("postwall-opensearch");
            Path home = workDirectory.resolve("opensearch");
            copyTree(distribution.resolve("opensearch-" + VERSION), home);
            // Maven's unpack does not keep the executable bits of the launch scripts.
            try (Stream<Path> scripts = Files.list(home.resolve("bin"))) {
                scripts.forEach(script -> script.toFile().setExecutable(true, false));
            }
            installAnalysisCommon(distribution.resolve("analysis-common/analysis-common-" + VERSION + ".jar"), home);
            int httpPort = freePort();
            int transportPort = freePort();
            writeConfiguration(home, httpPort, transportPort);
            Path pidFile = home.resolve("opensearch.pid");

            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                ensureServiceUser();
                run(List.of("chown", "-R", SERVICE_USER, workDirectory.toString()));
            }
            localServer = new LocalServer(home, pidFile);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(pidFile, workDirectory), "opensearch-stop"));
            URI uri = URI.create("http://127.0.0.1:" + httpPort);
            localServer.launch(uri);
            LOGGER.info("OpenSearch {} started on {} in {}", VERSION, uri, workDirectory);
            return uri;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void installAnalysisCommon(Path jar, Path home) throws IOException {
        // uax_url_email and asciifolding live in this module, which the integ-test zip lacks.
        Path module = Files.createDirectories(home.resolve("modules/analysis-common"));
        Files.copy(jar, module.resolve(jar.getFileName()));
        Files.writeString(module.resolve("plugin-descriptor.properties"), String.join("\n",
            "description=Adds analysis components",
            "version=" + VERSION,
            "name=analysis-common",
            "classname=org.opensearch.analysis.common.CommonAnalysisPlugin",
            "java.version=11",
            "opensearch.version=" + VERSION,
            "extended.plugins=",
            "has.native.controller=false",
            ""));
    }

    private static void writeConfiguration(Path home, int httpPort, int transportPort) throws IOException {
        Path config = home.resolve("config");
        Files.writeString(config.resolve("opensearch.yml"), String.join("\n",
            "cluster.name: postwall-test",
            "node.name: postwall-test-node",
            "path.data: " + Files.createDirectories(home.resolve("data")),
            "path.logs: " + Files.createDirectories(home.resolve("logs")),
            "network.host: 127.0.0.1",
            "http.port: " + httpPort,
            "transport.port: " + transportPort,
            "discovery.type: single-node",
            "cluster.routing.allocation.disk.threshold_enabled: false",
            ""));
        // The JVM resolves these relative to the working directory, where the service user may not write.
        Path jvmOptions = config.resolve("jvm.options");
        String absolute = Files.readString(jvmOptions)
            .replace("HeapDumpPath=data", "HeapDumpPath=" + home.resolve("data"))
            .replace("logs/", home.resolve("logs") + "/");
        Files.writeString(jvmOptions, absolute);
    }

    private static void awaitHealthy(URI uri, Path home) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(uri.resolve("/_cluster/health?wait_for_status=yellow&timeout=5s"))
            .timeout(Duration.ofSeconds(10))
            .build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (client.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("OpenSearch did not become healthy within " + START_TIMEOUT + ": "
            + tail(home.resolve("logs/launcher.out")) + tail(home.resolve("logs/postwall-test.log")));
    }

    /** The end of a log, for failure messages: the work directory is deleted when the JVM exits. */
    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no " + log.getFileName() + ")";
        }
    }

    private static void stop(Path pidFile, Path workDirectory) {
        try {
            if (Files.exists(pidFile)) {
                localServer.terminate();
            }
            deleteTree(workDirectory);
        } catch (IOException | RuntimeException e) {
            LOGGER.warn("Could not stop OpenSearch cleanly in {}", workDirectory, e);
        }
    }

    private static void ensureServiceUser() throws IOException, InterruptedException {
        if (run(List.of("id", "-u", SERVICE_USER)) != 0) {
            run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SERVICE_USER));
        }
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Timed out: " + command);
        }
        return process.exitValue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
