package ch.postwall.server.bench;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLSocketFactory;

import ch.postwall.server.LineClient;

/** One IMAP connection, STARTTLS then LOGIN, the same on every system; commands must answer OK. */
final class ImapSession implements AutoCloseable {
    private static final Pattern STATUS_MESSAGES = Pattern.compile("MESSAGES (\\d+)");
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final LineClient client;
    private int tags;

    private ImapSession(LineClient client) {
        this.client = client;
    }

    static ImapSession login(int port, SSLSocketFactory tls, String username, String password) {
        ImapSession session = new ImapSession(new LineClient(port));
        try {
            session.client.readLine();
            session.command("STARTTLS");
            session.client.startTls(tls);
            session.command("LOGIN \"" + username + "\" \"" + password + "\"");
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** Sends one command and returns its response lines, the tagged OK last. */
    List<String> command(String command) {
        String tag = "b" + ++tags;
        client.sendLine(tag + " " + command);
        List<String> response = client.readImapResponse(tag);
        String completion = response.get(response.size() - 1);
        if (!completion.startsWith(tag + " OK")) {
            throw new IllegalStateException("IMAP '" + command + "' answered '" + completion + "'");
        }
        return response;
    }

    int inboxMessages() {
        for (String line : command("STATUS INBOX (MESSAGES)")) {
            Matcher matcher = STATUS_MESSAGES.matcher(line);
            if (line.startsWith("* STATUS") && matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        throw new IllegalStateException("No STATUS MESSAGES in the response");
    }

    /** Polls STATUS until the INBOX holds {@code count} messages; returns when it first did (nanoTime). */
    long awaitInboxMessages(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (System.nanoTime() < deadline) {
            seen = inboxMessages();
            if (seen >= count) {
                return System.nanoTime();
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        throw new IllegalStateException("Only " + seen + " of " + count + " messages were in the INBOX after " + timeout);
    }

    @Override
    public void close() {
        client.close();
    }
}
