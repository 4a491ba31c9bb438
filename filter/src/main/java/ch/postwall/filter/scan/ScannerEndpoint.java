package ch.postwall.filter.scan;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;

/** Where a TCP scanner daemon listens, and how long we wait for it. */
public record ScannerEndpoint(String host, int port, Duration timeout) {
    public ScannerEndpoint {
        Objects.requireNonNull(host);
        Objects.requireNonNull(timeout);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Invalid scanner port " + port);
        }
    }

    Socket connect(String daemonName) throws ScannerUnavailableException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), Math.toIntExact(timeout.toMillis()));
            socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
            return socket;
        } catch (IOException e) {
            closeQuietly(socket);
            throw new ScannerUnavailableException(daemonName + " unreachable at " + this, e);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing more to release: the connection never opened.
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
