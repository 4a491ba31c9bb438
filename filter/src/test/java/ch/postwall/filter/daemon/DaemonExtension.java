package ch.postwall.filter.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import ch.postwall.filter.scan.ScannerEndpoint;

/**
 * Starts a real scanner daemon (installed by .ci/install-filter.sh) on a random free loopback port
 * with its configuration in a temporary directory, waits until it answers, and stops it after the tests.
 * Programs outside JUnit (the benchmark) call {@link #start()} and {@link #close()} themselves.
 */
public abstract class DaemonExtension implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    protected static final String LOOPBACK = "127.0.0.1";
    private static final Duration SCAN_TIMEOUT = Duration.ofSeconds(60);

    private Path directory;
    private Process process;
    private int port;

    /** Writes the configuration into the directory and returns the command line. */
    protected abstract List<String> prepare(Path directory, int port) throws IOException;

    /** Whether the daemon answers on its port yet. */
    protected abstract boolean ready(ScannerEndpoint endpoint);

    protected abstract Duration startupTimeout();

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    /** Starts the daemon and returns once it answers on {@link #endpoint()}. */
    public void start() throws IOException, InterruptedException {
        // Readable by all: spamd drops to an unprivileged user that must read its configuration.
        directory = Files.createTempDirectory(getClass().getSimpleName(),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        port = freePort();
        List<String> command = prepare(directory, port);
        process = new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("daemon.out").toFile())
            .start();
        Instant deadline = Instant.now().plus(startupTimeout());
        while (!ready(endpoint())) {
            if (!process.isAlive()) {
                throw new IllegalStateException(command.get(0) + " exited with " + process.exitValue() + ": " + output());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(command.get(0) + " not ready after " + startupTimeout() + ": " + output());
            }
            Thread.sleep(200);
        }
    }

    /** Stops the daemon and its children and removes its directory. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    /** Sends a request over TCP and tells whether the whole answer contains the expected text. */
    protected static boolean answers(ScannerEndpoint endpoint, String request, String expected) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 500);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).contains(expected);
        } catch (IOException e) {
            return false;
        }
    }

    public ScannerEndpoint endpoint() {
        return new ScannerEndpoint(LOOPBACK, port, SCAN_TIMEOUT);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String output() throws IOException {
        String output = Files.readString(directory.resolve("daemon.out"));
        return output.length() > 4000 ? output.substring(output.length() - 4000) : output;
    }
}
