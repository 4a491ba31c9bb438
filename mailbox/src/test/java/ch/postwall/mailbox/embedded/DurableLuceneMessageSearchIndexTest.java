package ch.postwall.mailbox.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;

import javax.mail.Flags;
import javax.mail.util.SharedByteArrayInputStream;

import org.apache.james.core.Username;
import org.apache.james.events.Event;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.SessionProvider;
import org.apache.james.mailbox.ModSeq;
import org.apache.james.mailbox.events.MailboxEvents;
import org.apache.james.mailbox.jpa.JPAId;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageMetaData;
import org.apache.james.mailbox.model.SearchQuery;
import org.apache.james.mailbox.model.ThreadId;
import org.apache.james.mailbox.model.UidValidity;
import org.apache.james.mailbox.store.MailboxSessionMapperFactory;
import org.apache.james.mailbox.store.event.EventFactory;
import org.apache.james.mailbox.store.mail.model.DefaultMessageId;
import org.apache.james.mailbox.lucene.search.LenientImapSearchAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.RAMDirectory;
import org.apache.lucene.util.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import ch.postwall.mailbox.testing.EmbeddedBackendExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class DurableLuceneMessageSearchIndexTest {
    private static final Username BOB = Username.of("bob@localhost");
    private static final Username CAROL = Username.of("carol@localhost");

    @RegisterExtension
    static final EmbeddedBackendExtension server = new EmbeddedBackendExtension();

    @Test
    void searchShouldFindEveryMessageRightAfterItsAppendWhenIndexingIsAsynchronous() throws Exception {
        EmbeddedBackendExtension.Inbox created = server.createInbox(BOB);
        MailboxSession session = created.session();
        MessageManager inbox = created.messages();

        for (int i = 0; i < 30; i++) {
            String token = "token" + i + "x";
            MessageManager.AppendResult appended = inbox.appendMessage(MessageManager.AppendCommand.builder()
                .build(new SharedByteArrayInputStream(("Subject: " + token + "\r\n\r\nbody " + token + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII))), session);

            List<MessageUid> found = Flux.from(inbox.search(SearchQuery.of(SearchQuery.bodyContains(token)), session))
                .collectList().block();

            assertThat(found).containsExactly(appended.getId().getUid());
        }
    }

    @Test
    void aMessageKeptSinceItsAppendShouldBeIndexedWithoutReadingItBackFromTheDatabase(@TempDir Path indexDirectory) throws Exception {
        EmbeddedBackendExtension.Inbox created = server.createInbox(CAROL);
        MailboxSession session = created.session();
        Mailbox mailbox = server.instance(MailboxSessionMapperFactory.class).getMailboxMapper(session)
            .findMailboxByPath(created.path()).block();
        RecentlyAddedMessages recentlyAdded = new RecentlyAddedMessages();
        // Never stored: only the kept copy can put it in the index.
        recentlyAdded.remember(RecentlyAddedMessagesTest.message(mailbox.getMailboxId(), MessageUid.of(4242), "Subject: kept\r\n\r\nbody keptonly\r\n"));
        DurableLuceneMessageSearchIndex index = new DurableLuceneMessageSearchIndex(server.instance(MailboxSessionMapperFactory.class),
            new JPAId.Factory(), new RAMDirectory(), indexDirectory, new DefaultMessageId.Factory(),
            server.instance(SessionProvider.class), recentlyAdded);

        index.reactiveEvent(addedEvent(mailbox, MessageUid.of(4242))).block();

        assertThat(index.doSearch(session, mailbox, SearchQuery.of(SearchQuery.bodyContains("keptonly"))).collectList().block())
            .containsExactly(MessageUid.of(4242));
        assertThat(recentlyAdded.take(mailbox.getMailboxId(), MessageUid.of(4242))).isEmpty();
        index.close();
    }

    @Test
    void theNextStartShouldRebuildTheIndexWhenAnEventCouldNotBeIndexed(@TempDir Path indexDirectory) throws Exception {
        // No mapper factory and no session provider: indexing the event fails on every attempt.
        DurableLuceneMessageSearchIndex index = new DurableLuceneMessageSearchIndex(null, new JPAId.Factory(), new RAMDirectory(),
            indexDirectory, new DefaultMessageId.Factory(), null, new RecentlyAddedMessages());

        assertThat(nextStartRebuildsAfterIndexingAnAddedEvent(index, indexDirectory)).isTrue();
    }

    @Test
    void messagesOfAMailboxDeletedBeforeTheyWereIndexedShouldNotCostARebuild(@TempDir Path indexDirectory) throws Exception {
        DurableLuceneMessageSearchIndex index = new DurableLuceneMessageSearchIndex(server.instance(MailboxSessionMapperFactory.class),
            new JPAId.Factory(), new RAMDirectory(), indexDirectory, new DefaultMessageId.Factory(), server.instance(SessionProvider.class),
            new RecentlyAddedMessages());

        assertThat(nextStartRebuildsAfterIndexingAnAddedEvent(index, indexDirectory)).isFalse();
    }

    @Test
    void theNextStartShouldNotRebuildTheIndexAfterACleanClose(@TempDir Path indexDirectory) throws Exception {
        new DurableLuceneMessageSearchIndex(null, new JPAId.Factory(), new RAMDirectory(), indexDirectory,
            new DefaultMessageId.Factory(), null, new RecentlyAddedMessages()).close();

        DurableLuceneMessageSearchIndex reopened = new DurableLuceneMessageSearchIndex(null, new JPAId.Factory(), new RAMDirectory(),
            indexDirectory, new DefaultMessageId.Factory(), null, new RecentlyAddedMessages());
        assertThat(reopened.needsRebuild()).isFalse();
        reopened.close();
    }

    @Test
    void anIndexOfAnEarlierVersionShouldBeRebuiltAtEachStartUntilARebuildCompleted(@TempDir Path indexDirectory) throws Exception {
        try (IndexWriter earlier = new IndexWriter(FSDirectory.open(indexDirectory.toFile()),
                new IndexWriterConfig(Version.LUCENE_31, new LenientImapSearchAnalyzer()))) {
            Document document = new Document();
            document.add(new Field("body", "BUDGET REVIEW TOMORROW", Field.Store.NO, Field.Index.ANALYZED));
            earlier.addDocument(document);
        }

        assertThat(reopen(indexDirectory, DurableLuceneMessageSearchIndex::close)).isTrue();
        // stopped before the rebuild completed
        assertThat(reopen(indexDirectory, DurableLuceneMessageSearchIndex::close)).isTrue();
        assertThat(reopen(indexDirectory, index -> {
            index.rebuildCompleted();
            index.close();
        })).isTrue();
        assertThat(reopen(indexDirectory, DurableLuceneMessageSearchIndex::close)).isFalse();
    }

    private interface Run {
        void run(DurableLuceneMessageSearchIndex index) throws Exception;
    }

    /** Whether the index on this directory needs a rebuild when opened; then runs what follows. */
    private static boolean reopen(Path indexDirectory, Run then) throws Exception {
        DurableLuceneMessageSearchIndex index = new DurableLuceneMessageSearchIndex(null, new JPAId.Factory(),
            FSDirectory.open(indexDirectory.toFile()), indexDirectory, new DefaultMessageId.Factory(), null, new RecentlyAddedMessages());
        boolean rebuild = index.needsRebuild();
        then.run(index);
        return rebuild;
    }

    private static boolean nextStartRebuildsAfterIndexingAnAddedEvent(DurableLuceneMessageSearchIndex index, Path indexDirectory)
        throws Exception {
        Mono.from(index.reactiveEvent(addedEvent())).block();
        index.indexedSoFar().block();
        index.close();

        DurableLuceneMessageSearchIndex reopened = new DurableLuceneMessageSearchIndex(null, new JPAId.Factory(), new RAMDirectory(),
            indexDirectory, new DefaultMessageId.Factory(), null, new RecentlyAddedMessages());
        boolean rebuild = reopened.needsRebuild();
        reopened.close();
        return rebuild;
    }

    private static Event addedEvent() {
        // No such mailbox: never created, or deleted since.
        return addedEvent(new Mailbox(MailboxPath.inbox(BOB), UidValidity.of(42), JPAId.of(424242)), MessageUid.of(1));
    }

    private static Event addedEvent(Mailbox mailbox, MessageUid uid) {
        MailboxEvents.Added added = EventFactory.added()
            .randomEventId()
            .mailboxSession(server.instance(MailboxManager.class).createSystemSession(mailbox.getUser()))
            .mailbox(mailbox)
            .addMetaData(new MessageMetaData(uid, ModSeq.first(), new Flags(), 10, new Date(),
                java.util.Optional.of(new Date()), new DefaultMessageId.Factory().generate(),
                ThreadId.fromBaseMessageId(new DefaultMessageId.Factory().generate())))
            .isDelivery(true)
            .build();
        return added;
    }
}
