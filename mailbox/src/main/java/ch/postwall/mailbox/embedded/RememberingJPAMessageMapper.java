package ch.postwall.mailbox.embedded;

import javax.persistence.EntityManagerFactory;

import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.jpa.mail.JPAMessageMapper;
import org.apache.james.mailbox.jpa.mail.JPAModSeqProvider;
import org.apache.james.mailbox.jpa.mail.JPAUidProvider;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MessageMetaData;
import org.apache.james.mailbox.store.mail.model.MailboxMessage;

/** James's JPA message mapper, handing every message it adds to {@link RecentlyAddedMessages} for the search index. */
public class RememberingJPAMessageMapper extends JPAMessageMapper {
    private final RecentlyAddedMessages recentlyAdded;

    public RememberingJPAMessageMapper(JPAUidProvider uidProvider, JPAModSeqProvider modSeqProvider,
                                       EntityManagerFactory entityManagerFactory, RecentlyAddedMessages recentlyAdded) {
        super(uidProvider, modSeqProvider, entityManagerFactory);
        this.recentlyAdded = recentlyAdded;
    }

    @Override
    public MessageMetaData add(Mailbox mailbox, MailboxMessage message) throws MailboxException {
        MessageMetaData added = super.add(mailbox, message);
        recentlyAdded.remember(message);
        return added;
    }
}
