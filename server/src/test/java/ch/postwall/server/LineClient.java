package ch.postwall.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/** A raw line-based protocol client, for exact SMTP/IMAP dialogues including hostile input. */
public class LineClient implements AutoCloseable {
    private Socket socket;
    private BufferedReader reader;
    private OutputStream writer;

    public LineClient(int port) {
        try {
            socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(30_000);
            bindStreams();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void bindStreams() throws IOException {
        reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        writer = socket.getOutputStream();
    }

    /** Upgrades the connection to TLS after a successful STARTTLS. */
    public void startTls(SSLSocketFactory factory) {
        try {
            SSLSocket tls = (SSLSocket) factory.createSocket(socket, "127.0.0.1", socket.getPort(), true);
            tls.startHandshake();
            socket = tls;
            bindStreams();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String readLine() {
        try {
            String line = reader.readLine();
            if (line == null) {
                throw new IllegalStateException("Connection closed by the server");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads an SMTP reply, multi-line ones included, and returns its last line. */
    public String readSmtpReply() {
        String line = readLine();
        while (line.length() > 3 && line.charAt(3) == '-') {
            line = readLine();
        }
        return line;
    }

    /** Reads IMAP lines up to and including the tagged completion of {@code tag}. */
    public List<String> readImapResponse(String tag) {
        List<String> lines = new ArrayList<>();
        String line;
        do {
            line = readLine();
            lines.add(line);
        } while (!line.startsWith(tag + " "));
        return lines;
    }

    public void send(String raw) {
        sendBytes(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    public void sendLine(String line) {
        send(line + "\r\n");
    }

    public void sendBytes(byte[] bytes) {
        try {
            writer.write(bytes);
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String smtp(String command) {
        sendLine(command);
        return readSmtpReply();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing after a test: nothing left to do.
        }
    }
}
