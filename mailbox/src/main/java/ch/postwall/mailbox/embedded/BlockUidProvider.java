package ch.postwall.mailbox.embedded;

import java.util.Optional;
import java.util.OptionalLong;

import javax.inject.Inject;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.jpa.JPAId;
import org.apache.james.mailbox.jpa.mail.JPAUidProvider;
import org.apache.james.mailbox.jpa.mail.model.JPAMailbox;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxId;

/**
 * UIDs from reserved blocks ({@link NumberBlocks}). The last UID is the last one handed out, not the
 * reserved bound, so UIDNEXT stays what the next delivery gets.
 */
public class BlockUidProvider extends JPAUidProvider {
    private final NumberBlocks blocks;

    @Inject
    public BlockUidProvider(EntityManagerFactory factory) {
        super(factory);
        this.blocks = new NumberBlocks(factory, JPAMailbox::consumeUid, "UID");
    }

    @Override
    public MessageUid nextUid(Mailbox mailbox) throws MailboxException {
        return nextUid(mailbox.getMailboxId());
    }

    @Override
    public MessageUid nextUid(MailboxId mailboxId) throws MailboxException {
        return MessageUid.of(blocks.next(((JPAId) mailboxId).getRawId()));
    }

    @Override
    public Optional<MessageUid> lastUid(Mailbox mailbox) throws MailboxException {
        OptionalLong handedOut = blocks.last(((JPAId) mailbox.getMailboxId()).getRawId());
        return handedOut.isPresent() ? fromHandedOut(handedOut.getAsLong()) : super.lastUid(mailbox);
    }

    @Override
    public Optional<MessageUid> lastUid(Mailbox mailbox, EntityManager manager) throws MailboxException {
        OptionalLong handedOut = blocks.last(((JPAId) mailbox.getMailboxId()).getRawId());
        return handedOut.isPresent() ? fromHandedOut(handedOut.getAsLong()) : super.lastUid(mailbox, manager);
    }

    private static Optional<MessageUid> fromHandedOut(long uid) {
        return uid == 0 ? Optional.empty() : Optional.of(MessageUid.of(uid));
    }
}
