package ch.postwall.mailbox.embedded;

import java.time.Clock;

import javax.inject.Inject;

import org.apache.james.events.EventBus;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.SessionProvider;
import org.apache.james.mailbox.jpa.JPAMailboxSessionMapperFactory;
import org.apache.james.mailbox.jpa.openjpa.OpenJPAMailboxManager;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MessageId;
import org.apache.james.mailbox.store.MailboxManagerConfiguration;
import org.apache.james.mailbox.store.StoreMailboxAnnotationManager;
import org.apache.james.mailbox.store.StoreMessageManager;
import org.apache.james.mailbox.store.StoreRightManager;
import org.apache.james.mailbox.store.mail.ThreadIdGuessingAlgorithm;
import org.apache.james.mailbox.store.mail.model.impl.MessageParser;
import org.apache.james.mailbox.store.quota.QuotaComponents;
import org.apache.james.mailbox.store.search.MessageSearchIndex;

/** James's JPA mailbox manager, whose mailboxes store appends in groups ({@link GroupedAppends}). */
public class EmbeddedMailboxManager extends OpenJPAMailboxManager {
    private final JPAMailboxSessionMapperFactory mapperFactory;
    private final GroupedAppends appends;

    @Inject
    public EmbeddedMailboxManager(JPAMailboxSessionMapperFactory mapperFactory, SessionProvider sessionProvider,
                                  MessageParser messageParser, MessageId.Factory messageIdFactory, EventBus eventBus,
                                  StoreMailboxAnnotationManager annotationManager, StoreRightManager storeRightManager,
                                  QuotaComponents quotaComponents, MessageSearchIndex index,
                                  ThreadIdGuessingAlgorithm threadIdGuessingAlgorithm, Clock clock) {
        super(mapperFactory, sessionProvider, messageParser, messageIdFactory, eventBus, annotationManager,
            storeRightManager, quotaComponents, index, threadIdGuessingAlgorithm, clock);
        this.mapperFactory = mapperFactory;
        this.appends = new GroupedAppends(mapperFactory, eventBus, getLocker(), clock);
    }

    @Override
    protected StoreMessageManager createMessageManager(Mailbox mailbox, MailboxSession session) {
        return new EmbeddedMessageManager(mapperFactory, getMessageSearchIndex(), getEventBus(), getLocker(), mailbox,
            getQuotaComponents().getQuotaManager(), getQuotaComponents().getQuotaRootResolver(), getMessageIdFactory(),
            configuration, getStoreRightManager(), getThreadIdGuessingAlgorithm(), getClock(), appends);
    }
}
