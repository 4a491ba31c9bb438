package ch.postwall.mailbox.search;

import java.io.IOException;
import java.util.Collection;

import javax.inject.Inject;

import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.SessionProvider;
import org.apache.james.mailbox.lucene.search.LuceneMessageSearchIndex;
import org.apache.james.mailbox.model.MailboxId;
import org.apache.james.mailbox.model.MessageId;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.store.MailboxSessionMapperFactory;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.store.Directory;

import reactor.core.publisher.Mono;

/**
 * James 3.8.1's Lucene index with a cheaper analyser that finds the same ({@link LongestShingleAnalyzer}),
 * minus a bug: it turns expunged uids into ranges, and its query for a range of several uids (say 4:5) matches
 * every message of the mailbox, so expunging two consecutive messages dropped the whole mailbox from the index.
 * Here every expunged uid is deleted on its own.
 */
public class UidSafeLuceneMessageSearchIndex extends LuceneMessageSearchIndex {
    @Inject
    public UidSafeLuceneMessageSearchIndex(MailboxSessionMapperFactory factory, MailboxId.Factory mailboxIdFactory,
                                           Directory directory, MessageId.Factory messageIdFactory,
                                           SessionProvider sessionProvider) throws IOException {
        super(factory, mailboxIdFactory, directory, messageIdFactory, sessionProvider);
    }

    /** In place of the lenient analyser (the one James uses by default): the same messages found from fewer tokens. */
    @Override
    protected Analyzer createAnalyzer(boolean lenient) {
        return lenient ? new LongestShingleAnalyzer() : super.createAnalyzer(false);
    }

    @Override
    public Mono<Void> delete(MailboxSession session, MailboxId mailboxId, Collection<MessageUid> expungedUids) {
        return Mono.fromCallable(() -> {
            for (MessageUid uid : expungedUids) {
                delete(mailboxId, MessageRange.one(uid));
            }
            return expungedUids.size();
        }).then();
    }
}
