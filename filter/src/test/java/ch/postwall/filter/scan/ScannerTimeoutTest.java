package ch.postwall.filter.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ch.postwall.filter.mime.TestMessages;

/** A daemon that accepts the connection and then never answers must not hold the SMTP session beyond the timeout. */
class ScannerTimeoutTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @FunctionalInterface
    interface Scan {
        void run(ScannerEndpoint endpoint) throws Exception;
    }

    private ServerSocket silentDaemon;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private Thread acceptor;

    @BeforeEach
    void setUp() throws IOException {
        silentDaemon = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!silentDaemon.isClosed()) {
                try {
                    accepted.add(silentDaemon.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        silentDaemon.close();
        acceptor.join(5000);
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    static Stream<Arguments> clients() {
        byte[] mail = TestMessages.plain("hello");
        return Stream.of(
            Arguments.of("spamd", (Scan) endpoint -> new SpamdClient(endpoint).check(mail)),
            Arguments.of("clamd", (Scan) endpoint -> new ClamdClient(endpoint).scan(mail)),
            Arguments.of("rspamd", (Scan) endpoint -> new RspamdClient(endpoint).check(mail)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clients")
    void scanShouldFailWithinTheTimeoutWhenTheDaemonNeverAnswers(String daemon, Scan scan) {
        ScannerEndpoint endpoint = new ScannerEndpoint("127.0.0.1", silentDaemon.getLocalPort(), TIMEOUT);
        Instant start = Instant.now();

        assertThatThrownBy(() -> scan.run(endpoint))
            .isInstanceOf(ScannerUnavailableException.class)
            .hasMessageContaining(daemon);
        assertThat(Duration.between(start, Instant.now())).isLessThan(TIMEOUT.multipliedBy(5));
    }
}
