package ch.postwall.server.bench;

import java.util.List;
import java.util.Random;

/**
 * The messages the benchmark sends: plain text of about S KB, each with a unique subject token and a
 * unique body token so that a SEARCH for one message must find exactly that one.
 */
final class BenchmarkMessages {
    private static final List<String> WORDS = List.of("mail", "server", "privacy", "hosting", "message", "invoice",
        "meeting", "tomorrow", "project", "report", "quarterly", "budget", "review", "please", "thanks", "regards",
        "update", "schedule", "customer", "delivery", "contract", "attached", "question", "answer", "weekly",
        "summary", "holiday", "office", "network", "backup", "release", "version");
    private static final int LINE_LENGTH = 76;

    private final int sizeBytes;
    private final String sender;
    private final String recipient;

    BenchmarkMessages(int sizeKb, String sender, String recipient) {
        this.sizeBytes = sizeKb * 1024;
        this.sender = sender;
        this.recipient = recipient;
    }

    String recipient() {
        return recipient;
    }

    String sender() {
        return sender;
    }

    static String subjectToken(int index) {
        return String.format("m%07d", index);
    }

    static String bodyToken(int index) {
        return String.format("bodytoken%07d", index);
    }

    /** The message's DATA, CRLF line ends, without the terminating dot; no line starts with a dot. */
    String message(int index) {
        StringBuilder message = new StringBuilder(sizeBytes + 512)
            .append("From: <").append(sender).append(">\r\n")
            .append("To: <").append(recipient).append(">\r\n")
            .append("Subject: Benchmark ").append(subjectToken(index)).append("\r\n")
            .append("Message-ID: <").append(subjectToken(index)).append('.').append(sender).append(">\r\n")
            .append("MIME-Version: 1.0\r\n")
            .append("Content-Type: text/plain; charset=us-ascii\r\n")
            .append("\r\n")
            .append(bodyToken(index)).append("\r\n");
        Random words = new Random(index);
        StringBuilder line = new StringBuilder();
        while (message.length() < sizeBytes) {
            String word = WORDS.get(words.nextInt(WORDS.size()));
            if (line.length() + word.length() + 1 > LINE_LENGTH) {
                message.append(line).append("\r\n");
                line.setLength(0);
            }
            line.append(word).append(' ');
        }
        return message.append(line).append("\r\n").toString();
    }
}
