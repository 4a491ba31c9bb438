package ch.postwall.mailbox.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ch.postwall.mailbox.testing.ControllableClock;

/** Against a cluster that accepts connections and never answers, as a stopped OpenSearch process does. */
class OpenSearchHttpTest {
    private final ControllableClock clock = new ControllableClock(Instant.parse("2026-11-27T10:00:00Z"));
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
            .build(), clock);
    }

    /** Counts request lines and answers nothing. */
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
        try (InputStream input = socket.getInputStream()) {
            StringBuilder line = new StringBuilder();
            int next;
            while ((next = input.read()) >= 0) {
                if (next == '\n') {
                    if (line.toString().startsWith("GET ")) {
                        requestsReceived.incrementAndGet();
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
    void requestsShouldFailWithoutReachingTheClusterDuringTheCoolDownAfterATimeout() {
        assertThatThrownBy(this::get).isInstanceOf(IOException.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> requestsReceived.get() == 1);

        assertThatThrownBy(this::get).isInstanceOf(IOException.class).hasMessageContaining("did not answer a moment ago");
        assertThatThrownBy(this::get).isInstanceOf(IOException.class).hasMessageContaining("did not answer a moment ago");

        assertThat(requestsReceived.get()).isEqualTo(1);
    }

    @Test
    void aProbeShouldReachTheClusterAgainAfterTheCoolDown() {
        assertThatThrownBy(this::get).isInstanceOf(IOException.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> requestsReceived.get() == 1);

        clock.advance(OpenSearchHttp.COOL_DOWN.plusSeconds(1));
        assertThatThrownBy(this::get).isInstanceOf(IOException.class).hasMessageNotContaining("did not answer a moment ago");

        await().atMost(Duration.ofSeconds(5)).until(() -> requestsReceived.get() == 2);
    }
}
