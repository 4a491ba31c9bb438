package ch.postwall.filter.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A minimal SMTP server on a loopback port, standing in for a customer's own mail server.
 * It accepts everything unless told to refuse a recipient or the data, offers STARTTLS only when
 * given a TLS context, and records the transactions it accepted.
 */
public class FakeSmtpTarget implements AutoCloseable {
    /** @param tls whether the transaction ran inside STARTTLS */
    public record Received(String sender, List<String> recipients, String data, boolean tls) {
    }

    private static final int READ_TIMEOUT_MILLIS = 10_000;

    public static FakeSmtpTarget start() throws IOException {
        return start(0);
    }

    /** Listens on the given port (0: any free one); reusing a closed target's port brings it "back up". */
    public static FakeSmtpTarget start(int port) throws IOException {
        ServerSocket serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return new FakeSmtpTarget(serverSocket);
    }

    private final ServerSocket serverSocket;
    private final Thread acceptor;
    private final Map<String, String> recipientReplies = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile String dataReply = "250 2.0.0 Ok: queued";
    private volatile SSLContext startTls;

    private FakeSmtpTarget(ServerSocket serverSocket) {
        this.serverSocket = serverSocket;
        this.acceptor = new Thread(this::acceptConnections, "fake-smtp-target");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Answers RCPT TO of this address with the given reply, e.g. {@code 550 5.1.1 No such user}. */
    FakeSmtpTarget replyToRecipient(String address, String reply) {
        recipientReplies.put(address.toLowerCase(Locale.ROOT), reply);
        return this;
    }

    /** Offers STARTTLS with the given server context. */
    FakeSmtpTarget offerStartTls(SSLContext serverContext) {
        this.startTls = serverContext;
        return this;
    }

    /** Answers the end of DATA with the given reply. */
    FakeSmtpTarget replyToData(String reply) {
        this.dataReply = reply;
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public int connections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        serverSocket.close();
        acceptor.join(READ_TIMEOUT_MILLIS);
    }

    private void acceptConnections() {
        while (!serverSocket.isClosed()) {
            try (Socket socket = serverSocket.accept()) {
                connections.incrementAndGet();
                socket.setSoTimeout(READ_TIMEOUT_MILLIS);
                converse(socket);
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                // A broken session ends this conversation only; the next client is served.
            }
        }
    }

    private void converse(Socket plain) throws IOException {
        Socket socket = plain;
        BufferedReader in = reader(socket);
        Writer out = writer(socket);
        reply(out, "220 target.test ESMTP fake");
        boolean tls = false;
        String sender = null;
        List<String> recipients = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                reply(out, startTls != null && !tls ? "250-target.test\r\n250 STARTTLS" : "250 target.test");
            } else if (command.equals("STARTTLS") && startTls != null && !tls) {
                reply(out, "220 2.0.0 Ready to start TLS");
                SSLSocket secured = (SSLSocket) startTls.getSocketFactory()
                    .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
                secured.setUseClientMode(false);
                secured.startHandshake();
                socket = secured;
                in = reader(socket);
                out = writer(socket);
                tls = true;
                sender = null;
                recipients.clear();
            } else if (command.startsWith("MAIL FROM:")) {
                sender = address(line);
                recipients.clear();
                reply(out, "250 2.1.0 Ok");
            } else if (command.startsWith("RCPT TO:")) {
                String recipient = address(line);
                String answer = recipientReplies.getOrDefault(recipient.toLowerCase(Locale.ROOT), "250 2.1.5 Ok");
                if (answer.startsWith("2")) {
                    recipients.add(recipient);
                }
                reply(out, answer);
            } else if (command.equals("DATA")) {
                reply(out, "354 End data with <CR><LF>.<CR><LF>");
                String data = readData(in);
                reply(out, dataReply);
                if (dataReply.startsWith("2")) {
                    received.add(new Received(sender, List.copyOf(recipients), data, tls));
                }
            } else if (command.equals("QUIT")) {
                reply(out, "221 2.0.0 Bye");
                return;
            } else if (command.equals("RSET") || command.equals("NOOP")) {
                reply(out, "250 2.0.0 Ok");
            } else {
                reply(out, "502 5.5.2 Command not recognized");
            }
        }
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
    }

    private static Writer writer(Socket socket) throws IOException {
        return new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.ISO_8859_1);
    }

    private static String readData(BufferedReader in) throws IOException {
        StringBuilder data = new StringBuilder();
        for (String line = in.readLine(); line != null && !line.equals("."); line = in.readLine()) {
            data.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
        }
        return data.toString();
    }

    private static String address(String line) {
        int start = line.indexOf('<');
        int end = line.indexOf('>', start);
        return line.substring(start + 1, end);
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }
}
