package ch.postwall.mailbox.embedded;

import javax.inject.Inject;
import javax.persistence.EntityManagerFactory;

import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.jpa.JPAMailboxSessionMapperFactory;
import org.apache.james.mailbox.jpa.mail.JPAModSeqProvider;
import org.apache.james.mailbox.jpa.mail.JPAUidProvider;
import org.apache.james.mailbox.store.mail.MailboxMapper;
import org.apache.james.mailbox.store.mail.MessageMapper;

/** James's JPA mappers, with mailboxes remembered ({@link CachingJPAMailboxMapper}) and new messages kept for the index. */
public class EmbeddedMailboxSessionMapperFactory extends JPAMailboxSessionMapperFactory {
    private final EntityManagerFactory entityManagerFactory;
    private final JPAUidProvider uidProvider;
    private final JPAModSeqProvider modSeqProvider;
    private final RememberedMailboxes rememberedMailboxes;
    private final RecentlyAddedMessages recentlyAdded;

    @Inject
    public EmbeddedMailboxSessionMapperFactory(EntityManagerFactory entityManagerFactory, JPAUidProvider uidProvider,
                                               JPAModSeqProvider modSeqProvider, RememberedMailboxes rememberedMailboxes,
                                               RecentlyAddedMessages recentlyAdded) {
        super(entityManagerFactory, uidProvider, modSeqProvider);
        this.entityManagerFactory = entityManagerFactory;
        this.uidProvider = uidProvider;
        this.modSeqProvider = modSeqProvider;
        this.rememberedMailboxes = rememberedMailboxes;
        this.recentlyAdded = recentlyAdded;
    }

    @Override
    public MailboxMapper createMailboxMapper(MailboxSession session) {
        return new CachingJPAMailboxMapper(entityManagerFactory, rememberedMailboxes);
    }

    @Override
    public MessageMapper createMessageMapper(MailboxSession session) {
        return new RememberingJPAMessageMapper(uidProvider, modSeqProvider, entityManagerFactory, recentlyAdded);
    }
}
