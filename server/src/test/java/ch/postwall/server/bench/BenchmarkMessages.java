package ch.postwall.server.bench;

import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * The messages the benchmark sends: plain text of about S KB, each with a unique subject token and a
 * unique body token so that a SEARCH for one message must find exactly that one. With attachments, each
 * is multipart: the text, then a PDF, ODT or text attachment (by turns) holding a unique attachment token.
 */
final class BenchmarkMessages {
    private static final List<String> WORDS = List.of("mail", "server", "privacy", "hosting", "message", "invoice",
        "meeting", "tomorrow", "project", "report", "quarterly", "budget", "review", "please", "thanks", "regards",
        "update", "schedule", "customer", "delivery", "contract", "attached", "question", "answer", "weekly",
        "summary", "holiday", "office", "network", "backup", "release", "version");
    private static final int LINE_LENGTH = 76;
    private static final String BOUNDARY = "bench-boundary";

    private final int sizeBytes;
    private final String sender;
    private final String recipient;
    private final boolean attachments;

    BenchmarkMessages(int sizeKb, String sender, String recipient, boolean attachments) {
        this.sizeBytes = sizeKb * 1024;
        this.sender = sender;
        this.recipient = recipient;
        this.attachments = attachments;
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

    static String attachmentToken(int index) {
        return String.format("attachtoken%07d", index);
    }

    /** The token a full-text search must find this message by: in its attachment when it has one. */
    String searchToken(int index) {
        return attachments ? attachmentToken(index) : bodyToken(index);
    }

    /** The message's DATA, CRLF line ends, without the terminating dot; no line starts with a dot. */
    String message(int index) {
        StringBuilder message = new StringBuilder(sizeBytes + 2048)
            .append("From: <").append(sender).append(">\r\n")
            .append("To: <").append(recipient).append(">\r\n")
            .append("Subject: Benchmark ").append(subjectToken(index)).append("\r\n")
            .append("Message-ID: <").append(subjectToken(index)).append('.').append(sender).append(">\r\n")
            .append("MIME-Version: 1.0\r\n");
        if (attachments) {
            message.append("Content-Type: multipart/mixed; boundary=\"" + BOUNDARY + "\"\r\n\r\n")
                .append("--" + BOUNDARY + "\r\n");
        }
        message.append("Content-Type: text/plain; charset=us-ascii\r\n")
            .append("\r\n")
            .append(bodyToken(index)).append("\r\n");
        appendWords(message, index);
        if (attachments) {
            BenchmarkAttachments attachment = BenchmarkAttachments.forMessage(index);
            message.append("--" + BOUNDARY + "\r\n")
                .append("Content-Type: ").append(attachment.contentType).append("; name=\"").append(attachment.fileName).append("\"\r\n")
                .append("Content-Disposition: attachment; filename=\"").append(attachment.fileName).append("\"\r\n")
                .append("Content-Transfer-Encoding: base64\r\n\r\n")
                .append(Base64.getMimeEncoder().encodeToString(attachment.document(attachmentToken(index)))).append("\r\n")
                .append("--" + BOUNDARY + "--\r\n");
        }
        return message.toString();
    }

    /** Fills the text up to the message size with words, lines of at most 76 characters. */
    private void appendWords(StringBuilder message, int index) {
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
        message.append(line).append("\r\n");
    }
}
