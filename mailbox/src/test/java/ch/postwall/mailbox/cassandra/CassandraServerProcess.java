package ch.postwall.mailbox.cassandra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Cassandra 5 server in its own JVM, from the jars the postwall-cassandra-server module copies into
 * its target/lib (cassandra-all cannot share the test classpath: its Guava and driver clash with James's).
 */
final class CassandraServerProcess {
    static final String LIB_PROPERTY = "postwall.cassandra.lib";

    private static final Logger LOGGER = LoggerFactory.getLogger(CassandraServerProcess.class);
    private static final String READY_LINE = "Starting listening for CQL clients";
    private static final String LIB_RELATIVE_TO_ROOT = "mailbox/cassandra-server/target/lib";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final int LOG_TAIL_LINES = 60;
    // Every table costs the server about a megabyte of heap; test JVMs hold several keyspaces of a hundred tables.
    private static final String HEAP = "1g";
    private static final String SETPRIV = "/usr/bin/setpriv";

    private final ProcessBuilder builder;
    private final Path directory;
    private final Path output;
    private final InetSocketAddress cqlAddress;
    private volatile Process process;
    private volatile boolean stopping;

    private CassandraServerProcess(ProcessBuilder builder, Path directory, Path output, InetSocketAddress cqlAddress) {
        this.builder = builder;
        this.directory = directory;
        this.output = output;
        this.cqlAddress = cqlAddress;
    }

    static CassandraServerProcess start() {
        Path lib = locateLib();
        try {
            Path directory = Files.createTempDirectory("postwall-cassandra-");
            int storagePort = freePort();
            int cqlPort = freePort();
            Path yaml = directory.resolve("cassandra.yaml");
            Files.writeString(yaml, cassandraYaml(directory, storagePort, cqlPort));
            Path confDirectory = Files.createDirectories(directory.resolve("conf"));
            Files.writeString(confDirectory.resolve("logback.xml"), LOGBACK);
            Path output = directory.resolve("output.log");

            ProcessBuilder builder = new ProcessBuilder(command(lib, directory, yaml, confDirectory))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
            LOGGER.info("Starting Cassandra from {} in {} (CQL port {})", lib, directory, cqlPort);
            CassandraServerProcess server = new CassandraServerProcess(builder, directory, output,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), cqlPort));
            server.launch();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the Cassandra server", e);
        }
    }

    InetSocketAddress cqlAddress() {
        return cqlAddress;
    }

    /** Stops the server and keeps its data, as an operator restarting a node does. */
    void pause() {
        terminate();
    }

    /** Starts the server stopped by {@link #pause()} again, on the same ports and data. */
    void resume() {
        if (process.isAlive()) {
            throw new IllegalStateException("Cassandra is running");
        }
        launch();
    }

    void stop() {
        terminate();
        deleteRecursively(directory);
    }

    private void launch() {
        stopping = false;
        process = spawn();
        awaitReady(output);
    }

    private void terminate() {
        stopping = true;
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Path output) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        try {
            while (Instant.now().isBefore(deadline)) {
                if (Files.readString(output, StandardCharsets.ISO_8859_1).contains(READY_LINE)) {
                    LOGGER.info("Cassandra ready on {}", cqlAddress);
                    return;
                }
                if (!process.isAlive()) {
                    throw failure("Cassandra exited with code " + process.exitValue() + " before being ready");
                }
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
            throw failure("Cassandra was not ready within " + START_TIMEOUT);
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("Cannot read the Cassandra log " + output, e);
        } catch (InterruptedException e) {
            stop();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Cassandra", e);
        }
    }

    private IllegalStateException failure(String reason) throws IOException {
        String tail = logTail();
        stop();
        return new IllegalStateException(reason + ". Last lines of its log:\n" + tail);
    }

    private String logTail() throws IOException {
        List<String> lines = Files.readAllLines(output, StandardCharsets.ISO_8859_1);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    }

    /**
     * Spawns from a thread that lives as long as the server: setpriv's parent-death signal fires when the spawning
     * thread ends, and it is what stops the server if this JVM is killed without running its shutdown hooks.
     */
    private Process spawn() {
        CompletableFuture<Process> spawned = new CompletableFuture<>();
        Thread parent = new Thread(() -> {
            try {
                Process started = builder.start();
                spawned.complete(started);
                int exitCode = started.waitFor();
                if (!stopping) {
                    reportUnexpectedExit(exitCode);
                }
            } catch (IOException e) {
                spawned.completeExceptionally(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cassandra-server-parent");
        parent.setDaemon(true);
        parent.start();
        try {
            return spawned.get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot start the Cassandra JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the Cassandra JVM", e);
        }
    }

    /** Tests failing later only see refused connections: the server's own last words say why it went away. */
    private void reportUnexpectedExit(int exitCode) {
        try {
            LOGGER.error("Cassandra exited on its own with code {}. Last lines of its log:\n{}", exitCode, logTail());
        } catch (IOException e) {
            LOGGER.error("Cassandra exited on its own with code {}; its log {} cannot be read", exitCode, output, e);
        }
    }

    private static List<String> command(Path lib, Path directory, Path yaml, Path confDirectory) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Paths.get(SETPRIV))) {
            command.addAll(List.of(SETPRIV, "--pdeathsig", "TERM"));
        }
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(
            "-Xms" + HEAP, "-Xmx" + HEAP,
            "-XX:+ExitOnOutOfMemoryError",
            "-javaagent:" + jammJar(lib),
            "-Djdk.attach.allowAttachSelf=true",
            "-Dcassandra.config=" + yaml.toUri(),
            "-Dcassandra-foreground=true",
            "-Dcassandra.storagedir=" + directory,
            "-Dcassandra.skip_wait_for_gossip_to_settle=0",
            "-Dcassandra.superuser_setup_delay_ms=0",
            // Test data only: system tables need not be flushed on every schema change, which makes DDL much faster.
            "-Dcassandra.unsafesystem=true"));
        Stream.of("java.base/jdk.internal.misc", "java.base/jdk.internal.ref", "java.base/sun.nio.ch",
                "java.base/jdk.internal.perf", "java.base/jdk.internal.util.jar",
                "java.management.rmi/com.sun.jmx.remote.internal.rmi", "java.rmi/sun.rmi.registry",
                "java.rmi/sun.rmi.server", "java.sql/java.sql")
            .forEach(exported -> command.add("--add-exports=" + exported + "=ALL-UNNAMED"));
        Stream.of("java.lang", "java.lang.module", "java.lang.invoke", "java.lang.reflect", "java.lang.ref", "java.io",
                "java.nio", "java.nio.channels", "sun.nio.ch", "java.net", "java.util", "java.util.concurrent",
                "java.util.concurrent.atomic", "java.util.concurrent.locks", "java.math", "java.text", "java.time",
                "java.util.regex", "jdk.internal.math", "jdk.internal.module", "jdk.internal.misc", "jdk.internal.ref")
            .forEach(opened -> command.add("--add-opens=java.base/" + opened + "=ALL-UNNAMED"));
        command.add("--add-opens=java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED");
        command.add("--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED");
        command.addAll(List.of("-cp", confDirectory + java.io.File.pathSeparator + lib.resolve("*"),
            "org.apache.cassandra.service.CassandraDaemon"));
        return command;
    }

    private static Path jammJar(Path lib) {
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.filter(jar -> jar.getFileName().toString().matches("jamm-.*\\.jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No jamm jar in " + lib));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The -D property wins; otherwise the module directory is searched from the working directory upwards. */
    private static Path locateLib() {
        Optional<Path> configured = Optional.ofNullable(System.getProperty(LIB_PROPERTY)).map(Paths::get);
        if (configured.isPresent()) {
            return requireCassandraJar(configured.get());
        }
        for (Path candidate = Paths.get("").toAbsolutePath(); candidate != null; candidate = candidate.getParent()) {
            Path lib = candidate.resolve(LIB_RELATIVE_TO_ROOT);
            if (Files.isDirectory(lib)) {
                return requireCassandraJar(lib);
            }
        }
        throw new IllegalStateException("No Cassandra server jars found: build the postwall-cassandra-server module "
            + "in the same reactor (mvn -pl <module> -am ...), set -D" + LIB_PROPERTY
            + "=<dir>, or set POSTWALL_CASSANDRA=host:port to use a running server");
    }

    private static Path requireCassandraJar(Path lib) {
        try (Stream<Path> jars = Files.list(lib)) {
            if (jars.noneMatch(jar -> jar.getFileName().toString().startsWith("cassandra-all-"))) {
                throw new IllegalStateException("No cassandra-all jar in " + lib);
            }
            return lib.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + lib, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOGGER.warn("Cannot delete the Cassandra directory {}", directory, e);
        }
    }

    private static String cassandraYaml(Path directory, int storagePort, int cqlPort) {
        return """
            cluster_name: postwall-test
            num_tokens: 16
            partitioner: org.apache.cassandra.dht.Murmur3Partitioner
            data_file_directories:
              - %1$s/data
            commitlog_directory: %1$s/commitlog
            saved_caches_directory: %1$s/saved_caches
            hints_directory: %1$s/hints
            commitlog_sync: periodic
            commitlog_sync_period: 10000ms
            seed_provider:
              - class_name: org.apache.cassandra.locator.SimpleSeedProvider
                parameters:
                  - seeds: "127.0.0.1:%2$d"
            listen_address: 127.0.0.1
            rpc_address: 127.0.0.1
            storage_port: %2$d
            native_transport_port: %3$d
            start_native_transport: true
            endpoint_snitch: SimpleSnitch
            authenticator: AllowAllAuthenticator
            authorizer: AllowAllAuthorizer
            auto_snapshot: false
            """.formatted(directory, storagePort, cqlPort);
    }

    private static final String LOGBACK = """
        <configuration>
          <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
            <encoder><pattern>%-5level [%thread] %date{ISO8601} %logger{0} - %msg%n</pattern></encoder>
          </appender>
          <root level="INFO"><appender-ref ref="STDOUT"/></root>
        </configuration>
        """;
}
