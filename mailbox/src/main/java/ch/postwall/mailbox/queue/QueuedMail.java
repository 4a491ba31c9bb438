package ch.postwall.mailbox.queue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.apache.james.queue.api.ManageableMailQueue;

/**
 * What a {@link FileMailQueue} keeps in memory of one queued mail: its file, the order it is delivered in, when it is
 * due, and what a removal by name, sender or recipient matches. The mail itself stays in its file until it is
 * delivered or browsed, so a long queue (a customer's server down for days) costs little heap.
 */
final class QueuedMail {
    /** Higher priority first, then in the order the mails were queued. */
    static final Comparator<QueuedMail> DELIVERY_ORDER = Comparator.comparingInt((QueuedMail mail) -> -mail.priority)
        .thenComparingLong(mail -> mail.sequence);
    static final Comparator<QueuedMail> DUE_ORDER = Comparator.comparingLong((QueuedMail mail) -> mail.dueMillis)
        .thenComparingLong(mail -> mail.sequence);
    static final Comparator<QueuedMail> QUEUED_ORDER = Comparator.comparingLong(mail -> mail.sequence);

    final Path file;
    final long sequence;
    final int priority;
    /** Changed only by a flush, under the queue's lock. */
    long dueMillis;
    private final String name;
    private final String sender;
    private final List<String> recipients;

    QueuedMail(Path file, long sequence, int priority, long dueMillis, String name, String sender, List<String> recipients) {
        this.file = file;
        this.sequence = sequence;
        this.priority = priority;
        this.dueMillis = dueMillis;
        this.name = name;
        this.sender = sender;
        this.recipients = List.copyOf(recipients);
    }

    boolean matches(ManageableMailQueue.Type type, String value) {
        return switch (type) {
            case Name -> name.equals(value);
            case Sender -> sender.equals(value);
            case Recipient -> recipients.contains(value);
        };
    }
}
