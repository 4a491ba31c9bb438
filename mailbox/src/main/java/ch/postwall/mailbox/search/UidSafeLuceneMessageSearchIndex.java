package ch.postwall.mailbox.search;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

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
import org.apache.james.mailbox.store.mail.model.MailboxMessage;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.MapFieldSelector;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
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
    /** James's document id: of a message's text, and (prefixed) of its flags. */
    private static final String ID_FIELD = "id";
    private static final VarHandle WRITER;
    private static final MethodHandle MESSAGE_DOCUMENT;
    private static final MethodHandle FLAGS_DOCUMENT;

    static {
        try {
            MethodHandles.Lookup james = MethodHandles.privateLookupIn(LuceneMessageSearchIndex.class, MethodHandles.lookup());
            WRITER = james.findVarHandle(LuceneMessageSearchIndex.class, "writer", IndexWriter.class);
            MESSAGE_DOCUMENT = james.findVirtual(LuceneMessageSearchIndex.class, "createMessageDocument",
                MethodType.methodType(Document.class, MailboxSession.class, MailboxMessage.class));
            FLAGS_DOCUMENT = james.findVirtual(LuceneMessageSearchIndex.class, "createFlagsDocument",
                MethodType.methodType(Document.class, MailboxMessage.class));
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
        try (IndexReader reader = openReader();
             IndexSearcher searcher = new IndexSearcher(reader)) {
            return BodyTextCriteria.replace(searchQuery, text -> SearchQuery.uid(matchingUids(searcher, mailboxId, text)));
        } catch (Exception e) {
            throw new MailboxException("Unable to search the mailbox", e);
        }
    }

    private static SearchQuery.UidRange[] matchingUids(IndexSearcher searcher, MailboxId mailboxId,
                                                       SearchQuery.TextCriterion text) throws IOException {
        BooleanQuery query = new BooleanQuery();
        query.add(inMailbox(mailboxId), BooleanClause.Occur.MUST);
        query.add(BodyTextQuery.of(searcher.getIndexReader(), text), BooleanClause.Occur.MUST);
        return runs(uidsOf(searcher, query));
    }

    private static TermQuery inMailbox(MailboxId mailboxId) {
        return new TermQuery(new Term(MAILBOX_ID_FIELD, mailboxId.serialize()));
    }

    private static List<Long> uidsOf(IndexSearcher searcher, Query query) throws IOException {
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
        return uids;
    }

    /** The uids of the messages the index holds for this mailbox. */
    public SortedSet<Long> indexedUids(MailboxId mailboxId) throws IOException {
        try (IndexReader reader = openReader(); IndexSearcher searcher = new IndexSearcher(reader)) {
            return new TreeSet<>(uidsOf(searcher, inMailbox(mailboxId)));
        }
    }

    /** The serialised ids of the mailboxes the index holds documents for (perhaps deleted ones too, until merged). */
    public Set<String> indexedMailboxIds() throws IOException {
        Set<String> ids = new HashSet<>();
        try (IndexReader reader = openReader(); TermEnum terms = reader.terms(new Term(MAILBOX_ID_FIELD, ""))) {
            for (Term term = terms.term(); term != null && term.field().equals(MAILBOX_ID_FIELD); term = terms.next() ? terms.term() : null) {
                ids.add(term.text());
            }
        }
        return ids;
    }

    /** Removes every document of this mailbox, given by its id as {@link #indexedMailboxIds()} lists it. */
    public void forgetMailbox(String serializedMailboxId) throws IOException {
        writer().deleteDocuments(new Term(MAILBOX_ID_FIELD, serializedMailboxId));
    }

    /**
     * Indexes a message in place of what the index holds for its uid. Each of its two documents (text, flags) replaces
     * the one of the same id at once: a search meanwhile finds the message, never twice.
     */
    protected void replace(MailboxSession session, MailboxMessage message) throws IOException {
        Document text;
        Document flags;
        try {
            text = (Document) MESSAGE_DOCUMENT.invoke(this, session, message);
            flags = (Document) FLAGS_DOCUMENT.invoke(this, message);
        } catch (IOException e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException("Cannot index message " + message.getUid().asLong() + " of mailbox " + message.getMailboxId().serialize(), e);
        }
        writer().updateDocument(new Term(ID_FIELD, text.get(ID_FIELD)), text);
        writer().updateDocument(new Term(ID_FIELD, flags.get(ID_FIELD)), flags);
    }

    private IndexReader openReader() throws IOException {
        return IndexReader.open(writer(), true);
    }

    private IndexWriter writer() {
        return (IndexWriter) WRITER.get(this);
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
