package ch.postwall.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A Postwall server started the way a user starts it: its own JVM running the main class with
 * {@code --conf} and {@code --data}. Stopped with SIGTERM, or killed with SIGKILL to test crashes.
 */
public class PostwallProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final int MAX_PROBLEMS = 200;
    /** "2026-11-27T17:38:14.341Z " */
    private static final int TIME_STAMP_LENGTH = 25;

    private final Path configurationDirectory;
    private Path dataDirectory;
    private final Path logDirectory;
    private final PostwallPorts ports;
    private final List<String> extraJvmOptions;
    private Process process;
    private int starts;

    public PostwallProcess(Path workDirectory, PostwallPorts ports, List<String> extraJvmOptions) {
        this(workDirectory, ports, extraJvmOptions, TestConfiguration.OFFLINE_FILTER);
    }

    public PostwallProcess(Path workDirectory, PostwallPorts ports, List<String> extraJvmOptions, Map<String, String> filterProperties) {
        this.configurationDirectory = TestConfiguration.write(workDirectory.resolve("conf"), ports, filterProperties);
        this.dataDirectory = workDirectory.resolve("data");
        this.logDirectory = workDirectory;
        this.ports = ports;
        this.extraJvmOptions = extraJvmOptions;
    }

    public PostwallPorts ports() {
        return ports;
    }

    public Path configurationDirectory() {
        return configurationDirectory;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The running server's process, e.g. to read its memory use. */
    public ProcessHandle processHandle() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("Postwall is not running");
        }
        return process.toHandle();
    }

    public Path currentLog() {
        return logDirectory.resolve("server-" + starts + ".log");
    }

    /** Runs on another server's data directory, e.g. to prove two servers cannot share one. */
    public PostwallProcess withDataDirectory(Path directory) {
        this.dataDirectory = directory;
        return this;
    }

    public PostwallProcess start() {
        launch();
        awaitStarted();
        return this;
    }

    /** The outcome of a start that is expected to fail. */
    public record Exit(int code, String output) {
    }

    public Exit runUntilExit() {
        launch();
        try {
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                kill();
                throw new IllegalStateException("Postwall kept running although it was expected to stop:\n" + logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Exit(process.exitValue(), log());
    }

    private void launch() {
        starts++;
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m",
            // The JVM options a user's start reads (README), from this server's copy of conf/.
            "@" + configurationDirectory.resolve("jvm.options")));
        command.addAll(extraJvmOptions);
        command.addAll(List.of("-cp", testClasspath(), PostwallServerMain.class.getName(),
            "--conf", configurationDirectory.toString(), "--data", dataDirectory.toString()));
        try {
            process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(currentLog().toFile())
                .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitStarted() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Postwall exited with " + process.exitValue() + " while starting:\n" + logTail());
            }
            if (log().contains("JAMES server started") && portOpen(ports.webAdmin)) {
                return;
            }
            sleep(Duration.ofMillis(200));
        }
        kill();
        throw new IllegalStateException("Postwall did not start within " + START_TIMEOUT + ":\n" + logTail());
    }

    /** A clean stop, as by an operator: SIGTERM and wait. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitForExit();
        }
    }

    /** A crash: SIGKILL, no shutdown hook runs. */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            waitForExit();
        }
    }

    public void restart() {
        stop();
        start();
    }

    public String log() {
        try {
            return Files.readString(currentLog(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    public String logTail() {
        String log = log();
        return log.substring(Math.max(0, log.length() - 20000));
    }

    /** The distinct warnings and errors of every start so far, each with the line after it (its exception, often). */
    public String logProblems() {
        Set<String> problems = new LinkedHashSet<>();
        for (int start = 1; start <= starts; start++) {
            try {
                List<String> lines = Files.readAllLines(logDirectory.resolve("server-" + start + ".log"), StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size() && problems.size() < MAX_PROBLEMS; i++) {
                    String line = lines.get(i);
                    if (line.contains(" ERROR ") || line.contains(" WARN ")) {
                        String next = i + 1 < lines.size() ? lines.get(i + 1) : "";
                        // Without the time stamp, so that a repeated problem is listed once.
                        problems.add("[start " + start + "] " + line.substring(Math.min(line.length(), TIME_STAMP_LENGTH)) + "\n    " + next);
                    }
                }
            } catch (IOException unreadable) {
                problems.add("[start " + start + "] log unreadable: " + unreadable);
            }
        }
        return String.join("\n", problems);
    }

    @Override
    public void close() {
        stop();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Surefire hides the real class path behind a manifest jar; it publishes the real one here. */
    private static String testClasspath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null ? surefire : System.getProperty("java.class.path");
    }
}
