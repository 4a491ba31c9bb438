package ch.postwall.mailbox.search;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.SessionProvider;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.lucene.search.LuceneMessageSearchIndex;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxId;
import org.apache.james.mailbox.model.MessageId;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.SearchQuery;
import org.apache.james.mailbox.store.MailboxSessionMapperFactory;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.MapFieldSelector;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * James 3.8.1's Lucene index, indexing and searching message bodies by positioned words ({@link BodyWordAnalyzer},
 * {@link BodyTextQuery}) and other text with a cheaper analyser that finds the same ({@link LongestShingleAnalyzer}),
 * minus a bug: it turns expunged uids into ranges, and its query for a range of several uids (say 4:5) matches
 * every message of the mailbox, so expunging two consecutive messages dropped the whole mailbox from the index.
 * Here every expunged uid is deleted on its own.
 * <p>
 * James builds its queries in private methods: a search with body text first finds the messages matching that text,
 * and James's query gets their uids in its place.
 */
public class UidSafeLuceneMessageSearchIndex extends LuceneMessageSearchIndex {
    private static final String MAILBOX_ID_FIELD = "mailboxid";
    private static final String UID_FIELD = "uid";
    private static final MapFieldSelector UID_ONLY = new MapFieldSelector(UID_FIELD);
    private static final VarHandle WRITER;

    static {
        try {
            WRITER = MethodHandles.privateLookupIn(LuceneMessageSearchIndex.class, MethodHandles.lookup())
                .findVarHandle(LuceneMessageSearchIndex.class, "writer", IndexWriter.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        // The uids of matching messages replace a text criterion: one clause per run of consecutive uids.
        BooleanQuery.setMaxClauseCount(1 << 20);
    }

    @Inject
    public UidSafeLuceneMessageSearchIndex(MailboxSessionMapperFactory factory, MailboxId.Factory mailboxIdFactory,
                                           Directory directory, MessageId.Factory messageIdFactory,
                                           SessionProvider sessionProvider) throws IOException {
        super(factory, mailboxIdFactory, directory, messageIdFactory, sessionProvider);
    }

    /** In place of the lenient analyser (the one James uses by default): the same messages found from fewer tokens. */
    @Override
    protected Analyzer createAnalyzer(boolean lenient) {
        if (!lenient) {
            return super.createAnalyzer(false);
        }
        return new PerFieldAnalyzerWrapper(new LongestShingleAnalyzer(), Map.of(BodyTextQuery.BODY_FIELD, new BodyWordAnalyzer()));
    }

    @Override
    public Flux<MessageUid> doSearch(MailboxSession session, Mailbox mailbox, SearchQuery searchQuery) throws MailboxException {
        if (!BodyTextCriteria.present(searchQuery.getCriteria())) {
            return super.doSearch(session, mailbox, searchQuery);
        }
        return super.doSearch(session, mailbox, withMatchingUids(mailbox.getMailboxId(), searchQuery));
    }

    /**
     * Across mailboxes, uids do not say which message: the messages matching are found mailbox by mailbox, and
     * returned in the order James gives all messages of these mailboxes for the query's sorts.
     */
    @Override
    public Flux<MessageId> search(MailboxSession session, Collection<MailboxId> mailboxIds, SearchQuery searchQuery, long limit) throws MailboxException {
        if (!BodyTextCriteria.present(searchQuery.getCriteria())) {
            return super.search(session, mailboxIds, searchQuery, limit);
        }
        Set<MessageId> matching = new HashSet<>();
        for (MailboxId mailboxId : mailboxIds) {
            matching.addAll(super.search(session, List.of(mailboxId), withMatchingUids(mailboxId, searchQuery), Integer.MAX_VALUE)
                .collectList().block());
        }
        return super.search(session, mailboxIds, SearchQuery.builder().sorts(searchQuery.getSorts()).build(), Integer.MAX_VALUE)
            .filter(matching::contains)
            .take(limit);
    }

    private SearchQuery withMatchingUids(MailboxId mailboxId, SearchQuery searchQuery) throws MailboxException {
        try (IndexReader reader = IndexReader.open((IndexWriter) WRITER.get(this), true);
             IndexSearcher searcher = new IndexSearcher(reader)) {
            return BodyTextCriteria.replace(searchQuery, text -> SearchQuery.uid(matchingUids(searcher, mailboxId, text)));
        } catch (Exception e) {
            throw new MailboxException("Unable to search the mailbox", e);
        }
    }

    private static SearchQuery.UidRange[] matchingUids(IndexSearcher searcher, MailboxId mailboxId,
                                                       SearchQuery.TextCriterion text) throws IOException {
        BooleanQuery query = new BooleanQuery();
        query.add(new TermQuery(new Term(MAILBOX_ID_FIELD, mailboxId.serialize())), BooleanClause.Occur.MUST);
        query.add(BodyTextQuery.of(searcher.getIndexReader(), text), BooleanClause.Occur.MUST);
        List<Long> uids = new ArrayList<>();
        searcher.search(query, new Collector() {
            private IndexReader segment;

            @Override
            public void setScorer(Scorer scorer) {
            }

            @Override
            public void collect(int doc) throws IOException {
                uids.add(Long.parseLong(segment.document(doc, UID_ONLY).get(UID_FIELD)));
            }

            @Override
            public void setNextReader(IndexReader reader, int docBase) {
                segment = reader;
            }

            @Override
            public boolean acceptsDocsOutOfOrder() {
                return true;
            }
        });
        return runs(uids);
    }

    /** The uids as ranges of consecutive uids; none when empty, which matches no message. */
    private static SearchQuery.UidRange[] runs(List<Long> uids) {
        List<SearchQuery.UidRange> ranges = new ArrayList<>();
        uids.sort(null);
        int start = 0;
        for (int i = 1; i <= uids.size(); i++) {
            if (i == uids.size() || uids.get(i) > uids.get(i - 1) + 1) {
                ranges.add(new SearchQuery.UidRange(MessageUid.of(uids.get(start)), MessageUid.of(uids.get(i - 1))));
                start = i;
            }
        }
        return ranges.toArray(SearchQuery.UidRange[]::new);
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
