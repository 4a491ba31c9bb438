package ch.postwall.calendar.interop;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Debian's Radicale, the reference CalDAV server, on a free loopback port with plain htpasswd auth. */
final class RadicaleServer implements AutoCloseable {
    static final String PYTHON = "/usr/bin/python3";
    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final Process process;
    private final int port;

    private RadicaleServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static RadicaleServer start(Path directory, String user, String password) throws IOException, InterruptedException {
        int port = freePort();
        Path users = Files.writeString(directory.resolve("users"), user + ":" + password + "\n");
        Path config = Files.writeString(directory.resolve("config"), String.join("\n",
            "[server]", "hosts = 127.0.0.1:" + port,
            "[auth]", "type = htpasswd", "htpasswd_filename = " + users, "htpasswd_encryption = plain",
            "[rights]", "type = owner_only",
            "[storage]", "filesystem_folder = " + directory.resolve("collections"),
            "[logging]", "level = warning", ""));
        Process process = new ProcessBuilder(PYTHON, "-m", "radicale", "--config", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("radicale.log").toFile())
            .start();
        RadicaleServer server = new RadicaleServer(process, port);
        Instant deadline = Instant.now().plus(STARTUP);
        while (!server.accepts()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                server.close();
                throw new IOException("Radicale did not start: " + Files.readString(directory.resolve("radicale.log")));
            }
            Thread.sleep(100);
        }
        return server;
    }

    String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
