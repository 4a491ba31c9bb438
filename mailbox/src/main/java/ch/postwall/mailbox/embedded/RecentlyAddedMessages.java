package ch.postwall.mailbox.embedded;

import java.time.Duration;
import java.util.Optional;

import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.MailboxId;
import org.apache.james.mailbox.store.mail.model.MailboxMessage;
import org.apache.james.mailbox.store.mail.model.impl.SimpleMailboxMessage;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;

/**
 * Messages just added to a mailbox, kept for the search index: it indexes every new message moments after it was
 * stored, and reading it back from the database (the whole message, through OpenJPA) cost as much as a tenth of a
 * delivery. Each message is taken once; what the index never takes (it was stopped, or fell far behind) is
 * evicted by age and by the total size kept, and the index then reads the database as before.
 */
public class RecentlyAddedMessages {
    /** Larger messages are not kept: rare, and the copy would cost the heap more than the read costs the database. */
    static final int LARGEST_KEPT = 1024 * 1024;
    private static final long BYTES_KEPT = 32L * 1024 * 1024;
    private static final Duration KEPT_FOR = Duration.ofMinutes(1);

    private record Key(MailboxId mailboxId, MessageUid uid) {
    }

    private final Cache<Key, MailboxMessage> messages = CacheBuilder.newBuilder()
        .maximumWeight(BYTES_KEPT)
        .<Key, MailboxMessage>weigher((key, message) -> (int) message.getFullContentOctets())
        .expireAfterWrite(KEPT_FOR)
        .build();

    /** Keeps a copy of a message that was just given its uid: the original's content may be gone after the append. */
    public void remember(MailboxMessage added) throws MailboxException {
        if (added.getFullContentOctets() > LARGEST_KEPT) {
            return;
        }
        SimpleMailboxMessage copy = SimpleMailboxMessage.copy(added.getMailboxId(), added);
        copy.setUid(added.getUid());
        copy.setModSeq(added.getModSeq());
        messages.put(new Key(added.getMailboxId(), added.getUid()), copy);
    }

    /** The message, if it is still kept; it is not kept any longer. */
    public Optional<MailboxMessage> take(MailboxId mailboxId, MessageUid uid) {
        return Optional.ofNullable(messages.asMap().remove(new Key(mailboxId, uid)));
    }
}
