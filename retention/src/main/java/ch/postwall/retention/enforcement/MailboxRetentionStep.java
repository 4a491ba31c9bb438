package ch.postwall.retention.enforcement;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.MailboxMetaData;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.MessageResult;
import org.apache.james.mailbox.model.search.MailboxQuery;

import ch.postwall.mailbox.lifecycle.DeletionCounts;
import ch.postwall.mailbox.lifecycle.RetentionStep;
import ch.postwall.mailbox.lifecycle.UserRetention;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes the messages received before each folder's retention, through James's {@link MailboxManager}: the
 * deletion events keep the search index and the quota in step. A message's age is its internal date (when
 * the server received it). Messages are read as metadata in a stream and deleted in batches.
 */
public class MailboxRetentionStep implements RetentionStep {
    public static final String NAME = "mailbox";
    static final String MESSAGES = "messages";
    private static final int BATCH_SIZE = 100;

    private final MailboxManager mailboxManager;

    @Inject
    public MailboxRetentionStep(MailboxManager mailboxManager) {
        this.mailboxManager = mailboxManager;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DeletionCounts applyRetention(Username user, UserRetention retention, Instant now) {
        MailboxSession session = mailboxManager.createSystemSession(user);
        try {
            long deleted = Flux.from(mailboxManager.search(MailboxQuery.privateMailboxesBuilder(session).build(),
                    MailboxManager.MailboxSearchFetchType.Minimal, session))
                .concatMap(mailbox -> expire(mailbox, retention.forMailFolder(mailbox.getPath().getName()), now, session))
                .reduce(0L, Long::sum)
                .block();
            return DeletionCounts.of(MESSAGES, deleted);
        } finally {
            mailboxManager.endProcessingRequest(session);
        }
    }

    private Mono<Long> expire(MailboxMetaData mailbox, Optional<Duration> period, Instant now, MailboxSession session) {
        if (period.isEmpty()) {
            return Mono.just(0L);
        }
        Date cutoff = Date.from(now.minus(period.get()));
        return Mono.from(mailboxManager.getMailboxReactive(mailbox.getId(), session))
            .flatMap(messageManager -> Flux.from(messageManager.getMessagesReactive(MessageRange.all(), FetchGroup.MINIMAL, session))
                .filter(message -> message.getInternalDate().before(cutoff))
                .map(MessageResult::getUid)
                .buffer(BATCH_SIZE)
                .concatMap(uids -> delete(messageManager, uids, session))
                .reduce(0L, Long::sum));
    }

    private static Mono<Long> delete(MessageManager messageManager, List<MessageUid> uids, MailboxSession session) {
        return messageManager.deleteReactive(uids, session).thenReturn((long) uids.size());
    }
}
