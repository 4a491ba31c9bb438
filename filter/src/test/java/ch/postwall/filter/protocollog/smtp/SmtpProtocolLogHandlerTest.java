package ch.postwall.filter.protocollog.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apache.james.protocols.netty.Encryption;
import org.apache.james.protocols.netty.NettyServer;
import org.apache.james.protocols.smtp.SMTPConfigurationImpl;
import org.apache.james.protocols.smtp.SMTPProtocol;
import org.apache.james.protocols.smtp.SMTPProtocolHandlerChain;
import org.apache.james.protocols.smtp.hook.AuthHook;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.MessageHook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ch.postwall.filter.gateway.SelfSignedTls;
import ch.postwall.filter.protocollog.MemoryProtocolLogStore;
import ch.postwall.filter.protocollog.ProtocolLogConfiguration;
import ch.postwall.filter.protocollog.ProtocolLogQuery;
import ch.postwall.filter.protocollog.SmtpSessionLog;
import ch.postwall.filter.protocollog.TranscriptLine;
import ch.postwall.filter.protocollog.TranscriptLine.Direction;
import ch.postwall.mailbox.testing.ControllableClock;
import ch.postwall.filter.trace.MessageTraceStoreContract;

/** A real James SMTP server (protocols-smtp on Netty) in-process, with the recorder in its handler chain. */
class SmtpProtocolLogHandlerTest {
    private static final String USER = "alice@example.com";
    private static final String PASSWORD = "correct-horse-battery";
    private static final String BODY_LINE = "The quarterly figures are confidential";

    @TempDir
    Path tlsDirectory;

    private final ControllableClock clock = new ControllableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private MemoryProtocolLogStore store;
    private NettyServer server;

    @BeforeEach
    void setUp() throws Exception {
        store = new MemoryProtocolLogStore(clock, ProtocolLogConfiguration.DEFAULT);
        AuthHook passwordCheck = new AuthHook() {
            @Override
            public HookResult doAuth(org.apache.james.protocols.smtp.SMTPSession session,
                                     org.apache.james.core.Username username, String password) {
                if (USER.equals(username.asString()) && PASSWORD.equals(password)) {
                    // As James's UsersRepositoryAuthHook does.
                    session.setUsername(username);
                    return HookResult.OK;
                }
                return HookResult.DENY;
            }

            @Override
            public HookResult doSasl(org.apache.james.protocols.smtp.SMTPSession session,
                                     org.apache.james.protocols.api.OidcSASLConfiguration configuration, String initialResponse) {
                return HookResult.DECLINED;
            }
        };
        MessageHook accept = (session, mail) -> HookResult.OK;
        SMTPProtocolHandlerChain chain = new SMTPProtocolHandlerChain(new RecordingMetricFactory(),
            passwordCheck, accept, new SmtpProtocolLogHandler(store, clock));
        SMTPConfigurationImpl configuration = new SMTPConfigurationImpl() {
            @Override
            public boolean isAuthAnnounced(String remoteIP, boolean tlsStarted) {
                return true;
            }
        };
        server = new NettyServer.Factory().protocol(new SMTPProtocol(chain, configuration))
            .secure(Encryption.createStartTls(SelfSignedTls.serverContext(tlsDirectory))).build();
        server.setListenAddresses(new InetSocketAddress("127.0.0.1", 0));
        server.bind();
    }

    @AfterEach
    void tearDown() {
        server.unbind();
    }

    @Test
    void transcriptShouldHoldCommandsAndRepliesButNeitherPasswordNorBodyWhenAuthPlainAndData() throws Exception {
        String initialResponse = Base64.getEncoder().encodeToString(("\0" + USER + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (SmtpDialogue smtp = new SmtpDialogue(port())) {
            assertThat(smtp.reply()).startsWith("220");
            assertThat(smtp.command("EHLO client.test")).startsWith("250");
            assertThat(smtp.command("AUTH PLAIN " + initialResponse)).startsWith("235");
            assertThat(smtp.command("MAIL FROM:<" + USER + ">")).startsWith("250");
            assertThat(smtp.command("RCPT TO:<carol@other.org>")).startsWith("250");
            assertThat(smtp.command("DATA")).startsWith("354");
            smtp.send("Subject: figures");
            smtp.send("");
            smtp.send(BODY_LINE);
            assertThat(smtp.command(".")).startsWith("250");
            assertThat(smtp.command("QUIT")).startsWith("221");
        }

        SmtpSessionLog log = awaitSession();
        assertThat(log.remoteIp()).isEqualTo("127.0.0.1");
        assertThat(texts(log, Direction.CLIENT)).containsExactly("EHLO client.test", "AUTH PLAIN " + SmtpProtocolLogHandler.MASK,
            "MAIL FROM:<" + USER + ">", "RCPT TO:<carol@other.org>", "DATA", "QUIT");
        assertThat(texts(log, Direction.SERVER)).anySatisfy(line -> assertThat(line).startsWith("220"))
            .anySatisfy(line -> assertThat(line).startsWith("354"))
            .anySatisfy(line -> assertThat(line).startsWith("221"))
            .filteredOn(line -> line.startsWith("250")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(texts(log, Direction.EVENT)).containsExactly("authenticated as " + USER, SmtpProtocolLogHandler.CONTENT_NOT_RECORDED);
        assertThat(log.lines()).extracting(TranscriptLine::text)
            .noneMatch(text -> text.contains(PASSWORD) || text.contains(initialResponse)
                || text.contains(BODY_LINE) || text.contains("figures"));
        assertThat(log.addresses()).containsExactlyInAnyOrder(MessageTraceStoreContract.address(USER),
            MessageTraceStoreContract.address("carol@other.org"));
    }

    @Test
    void transcriptShouldGoOnAfterFailedAuthWithInitialResponseWhenRetried() throws Exception {
        String wrong = Base64.getEncoder().encodeToString(("\0" + USER + "\0wrong-password").getBytes(StandardCharsets.UTF_8));
        try (SmtpDialogue smtp = new SmtpDialogue(port())) {
            smtp.reply();
            smtp.command("EHLO client.test");
            assertThat(smtp.command("AUTH PLAIN " + wrong)).startsWith("535");
            assertThat(smtp.command("AUTH FOO")).startsWith("504");
            assertThat(smtp.command("NOOP")).startsWith("250");
            smtp.command("QUIT");
        }

        SmtpSessionLog log = awaitSession();
        assertThat(texts(log, Direction.CLIENT)).containsExactly("EHLO client.test", "AUTH PLAIN " + SmtpProtocolLogHandler.MASK,
            "AUTH FOO", "NOOP", "QUIT");
        assertThat(texts(log, Direction.EVENT)).isEmpty();
        assertThat(texts(log, Direction.SERVER)).anySatisfy(line -> assertThat(line).startsWith("535"));
        assertThat(log.lines()).extracting(TranscriptLine::text).noneMatch(text -> text.contains(wrong));
    }

    @Test
    void transcriptShouldNotHoldSaslContinuationLinesWhenAuthLogin() throws Exception {
        String encodedUser = Base64.getEncoder().encodeToString(USER.getBytes(StandardCharsets.UTF_8));
        String encodedPassword = Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));
        try (SmtpDialogue smtp = new SmtpDialogue(port())) {
            smtp.reply();
            smtp.command("EHLO client.test");
            assertThat(smtp.command("AUTH LOGIN")).startsWith("334");
            assertThat(smtp.command(encodedUser)).startsWith("334");
            assertThat(smtp.command(encodedPassword)).startsWith("235");
            assertThat(smtp.command("MAIL FROM:<" + USER + ">")).startsWith("250");
            smtp.command("QUIT");
        }

        SmtpSessionLog log = awaitSession();
        assertThat(texts(log, Direction.CLIENT)).containsExactly("EHLO client.test", "AUTH LOGIN",
            "MAIL FROM:<" + USER + ">", "QUIT");
        assertThat(texts(log, Direction.EVENT)).containsExactly("authenticated as " + USER);
        assertThat(log.lines()).extracting(TranscriptLine::text)
            .noneMatch(text -> text.contains(encodedPassword) || text.contains(encodedUser) || text.contains(PASSWORD));
    }

    @Test
    void transcriptShouldNoteTlsParametersWhenStartTls() throws Exception {
        try (SmtpDialogue smtp = new SmtpDialogue(port())) {
            smtp.reply();
            smtp.command("EHLO client.test");
            assertThat(smtp.command("STARTTLS")).startsWith("220");
            smtp.startTls();
            assertThat(smtp.command("EHLO client.test")).startsWith("250");
            smtp.command("QUIT");
        }

        SmtpSessionLog log = awaitSession();
        assertThat(log.tls()).hasValueSatisfying(tls -> assertThat(tls).startsWith("TLSv1."));
        assertThat(texts(log, Direction.EVENT)).containsExactly("TLS established: " + log.tls().get());
        assertThat(log.lines()).extracting(TranscriptLine::text)
            .containsSubsequence("STARTTLS", "TLS established: " + log.tls().get(), "EHLO client.test", "QUIT");
    }

    private SmtpSessionLog awaitSession() {
        await().atMost(Duration.ofSeconds(10))
            .until(() -> store.search(ProtocolLogQuery.builder().build()).size() == 1);
        return store.search(ProtocolLogQuery.builder().build()).get(0);
    }

    private static List<String> texts(SmtpSessionLog log, Direction direction) {
        return log.lines().stream().filter(line -> line.direction() == direction).map(TranscriptLine::text).toList();
    }

    private int port() {
        return server.getListenAddresses().get(0).getPort();
    }

    /** A plain SMTP client: one line out, one (possibly multi-line) reply in. */
    private static final class SmtpDialogue implements AutoCloseable {
        private Socket socket;
        private BufferedReader in;
        private OutputStream out;

        SmtpDialogue(int port) throws Exception {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            out = socket.getOutputStream();
        }

        /** Continues over TLS; the test server's certificate is self-signed, so any is trusted. */
        void startTls() throws Exception {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, "localhost", socket.getPort(), true);
            tls.startHandshake();
            socket = tls;
            in = new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.US_ASCII));
            out = tls.getOutputStream();
        }

        void send(String line) throws Exception {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        String command(String line) throws Exception {
            send(line);
            return reply();
        }

        /** The reply's lines joined; the last line has a space after the code. */
        String reply() throws Exception {
            List<String> lines = new ArrayList<>();
            String line;
            do {
                line = in.readLine();
                lines.add(line);
            } while (line != null && line.length() > 3 && line.charAt(3) == '-');
            return String.join("\n", lines);
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }
}
