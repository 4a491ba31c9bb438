package ch.postwall.mailbox.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a cluster that accepts connections and answers nothing, as a stopped OpenSearch process does, until it is
 * told to answer again.
 */
class OpenSearchHttpTest {
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(300);
    private static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
        .getBytes(StandardCharsets.US_ASCII);

    private final AtomicBoolean answering = new AtomicBoolean();
    private final AtomicInteger requestsReceived = new AtomicInteger();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private ServerSocket silentServer;
    private OpenSearchHttp http;

    @BeforeEach
    void startSilentServer() throws IOException {
        silentServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptForever, "silent-opensearch");
        acceptor.setDaemon(true);
        acceptor.start();
        http = OpenSearchHttp.create(OpenSearchConfiguration.builder()
            .hosts(List.of("127.0.0.1:" + silentServer.getLocalPort()))
            .requestTimeout(Duration.ofMillis(500))
            .build(), PROBE_INTERVAL);
    }

    /** Counts request lines; answers each request once {@link #answering}, nothing before. */
    private void acceptForever() {
        while (!silentServer.isClosed()) {
            try {
                Socket socket = silentServer.accept();
                connections.add(socket);
                Thread reader = new Thread(() -> countRequests(socket), "silent-opensearch-reader");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void countRequests(Socket socket) {
        try (InputStream input = socket.getInputStream(); OutputStream output = socket.getOutputStream()) {
            StringBuilder line = new StringBuilder();
            int next;
            while ((next = input.read()) >= 0) {
                if (next == '\n') {
                    if (line.toString().startsWith("GET ")) {
                        requestsReceived.incrementAndGet();
                    }
                    if (line.toString().equals("\r") && answering.get()) {
                        output.write(ANSWER);
                        output.flush();
                    }
                    line.setLength(0);
                } else {
                    line.append((char) next);
                }
            }
        } catch (IOException closed) {
            // the client gave up
        }
    }

    @AfterEach
    void stop() throws IOException {
        http.close();
        silentServer.close();
        for (Socket connection : connections) {
            connection.close();
        }
    }

    private void get() throws IOException {
        http.execute("GET", "/_cluster/health", Map.of(), Optional.empty());
    }

    @Test
    void requestsShouldFailAtOnceWithoutReachingTheClusterOnceOneWasNotAnswered() {
        assertThatThrownBy(this::get).isInstanceOf(IOException.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> requestsReceived.get() >= 1);

        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(this::get).isInstanceOf(IOException.class).hasMessageContaining("fail at once");
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void theProbeShouldKeepAskingTheClusterInTheBackground() {
        assertThatThrownBy(this::get).isInstanceOf(IOException.class);

        await().atMost(Duration.ofSeconds(10)).until(() -> requestsReceived.get() >= 3);
        assertThatThrownBy(this::get).isInstanceOf(IOException.class).hasMessageContaining("fail at once");
    }

    @Test
    void requestsShouldGoThroughAgainOnceTheClusterAnswersTheProbe() {
        assertThatThrownBy(this::get).isInstanceOf(IOException.class);
        assertThatThrownBy(this::get).isInstanceOf(IOException.class).hasMessageContaining("fail at once");

        answering.set(true);

        await().ignoreExceptions().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
            http.execute("GET", "/_cluster/health", Map.of(), Optional.empty()).isSuccess()).isTrue());
    }
}
