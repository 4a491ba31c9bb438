package ch.postwall.mailbox.embedded;

import java.util.OptionalLong;

import javax.inject.Inject;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.apache.james.mailbox.ModSeq;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.jpa.JPAId;
import org.apache.james.mailbox.jpa.mail.JPAModSeqProvider;
import org.apache.james.mailbox.jpa.mail.model.JPAMailbox;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxId;

/**
 * Mod-sequences from reserved blocks ({@link NumberBlocks}). The highest mod-sequence is the last one
 * handed out, so HIGHESTMODSEQ names a change that happened.
 */
public class BlockModSeqProvider extends JPAModSeqProvider {
    private final NumberBlocks blocks;

    @Inject
    public BlockModSeqProvider(EntityManagerFactory factory) {
        super(factory);
        this.blocks = new NumberBlocks(factory, JPAMailbox::consumeModSeq, "mod-sequence");
    }

    @Override
    public ModSeq nextModSeq(Mailbox mailbox) throws MailboxException {
        return nextModSeq(mailbox.getMailboxId());
    }

    @Override
    public ModSeq nextModSeq(MailboxId mailboxId) throws MailboxException {
        return ModSeq.of(blocks.next(((JPAId) mailboxId).getRawId()));
    }

    @Override
    public ModSeq highestModSeq(Mailbox mailbox) throws MailboxException {
        return highestModSeq(mailbox.getMailboxId());
    }

    @Override
    public ModSeq highestModSeq(MailboxId mailboxId) throws MailboxException {
        OptionalLong handedOut = blocks.last(((JPAId) mailboxId).getRawId());
        return handedOut.isPresent() ? ModSeq.of(handedOut.getAsLong()) : super.highestModSeq(mailboxId);
    }

    @Override
    public ModSeq highestModSeq(MailboxId mailboxId, EntityManager manager) throws MailboxException {
        OptionalLong handedOut = blocks.last(((JPAId) mailboxId).getRawId());
        return handedOut.isPresent() ? ModSeq.of(handedOut.getAsLong()) : super.highestModSeq(mailboxId, manager);
    }
}
