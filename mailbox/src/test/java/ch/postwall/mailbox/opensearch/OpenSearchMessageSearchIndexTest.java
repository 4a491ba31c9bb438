package ch.postwall.mailbox.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.mail.Flags;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.events.MemoryEventDeadLetters;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.ModSeq;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.SearchQuery;
import org.apache.james.mailbox.model.UpdatedFlags;
import org.apache.james.mailbox.store.search.ListeningMessageSearchIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(OpenSearchExtension.class)
class OpenSearchMessageSearchIndexTest implements MessageSearchIndexContract {
    private final OpenSearchHttp http;
    private final OpenSearchConfiguration configuration;
    private final OpenSearchMessageSearchIndex index;
    private final TikaAttachmentTextExtractor extractor;
    private final Corpus corpus = new Corpus();

    // Built in the constructor, on an index of its own: the contract's @BeforeEach runs before this class's own.
    OpenSearchMessageSearchIndexTest() throws Exception {
        configuration = OpenSearchExtension.newIndexConfiguration();
        http = OpenSearchHttp.create(configuration);
        extractor = new TikaAttachmentTextExtractor(configuration);
        // The contract drives the index directly: the mapper factory and session provider of the event path are unused.
        index = new OpenSearchMessageSearchIndex(null, null, http, new MemoryEventDeadLetters(), configuration, extractor,
            TestMessages.MESSAGE_ID_FACTORY);
        index.createIndexIfMissing();
    }

    @AfterEach
    void tearDown() throws Exception {
        http.execute("DELETE", "/" + configuration.indexName(), Map.of(), Optional.empty());
        http.close();
        extractor.close();
    }

    @Override
    public ListeningMessageSearchIndex index() {
        return index;
    }

    @Override
    public void awaitIndexed() throws Exception {
        index.refresh();
    }

    @Override
    public Corpus corpus() {
        return corpus;
    }

    @Test
    void createIndexIfMissingShouldBeIdempotent() throws Exception {
        index.createIndexIfMissing();

        assertThat(search(SearchQuery.all())).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void deleteUserShouldRemoveOnlyThatUsersDocuments() throws Exception {
        Mailbox bobInbox = addBobMessage(Username.of("bob@example.net"));

        index.deleteUser(ALICE).block();
        awaitIndexed();

        assertThat(search(SearchQuery.all())).isEmpty();
        assertThat(index.search(SESSION, bobInbox, SearchQuery.of(SearchQuery.all())).collectList().block()).hasSize(1);
    }

    @Test
    void deleteDomainShouldRemoveOnlyThatDomainsDocuments() throws Exception {
        Mailbox bobInbox = addBobMessage(Username.of("bob@example.net"));

        index.deleteDomain(Domain.of("example.org")).block();
        awaitIndexed();

        assertThat(search(SearchQuery.all())).isEmpty();
        assertThat(index.search(SESSION, bobInbox, SearchQuery.of(SearchQuery.all())).collectList().block()).hasSize(1);
    }

    @Test
    void addShouldCreateTheIndexAgainWithItsDefinitionWhenItWasDeleted() throws Exception {
        http.execute("DELETE", "/" + configuration.indexName(), Map.of(), Optional.empty());

        // Re-indexing everything deletes each mailbox's documents first: nothing to delete is not an error.
        index.deleteAll(SESSION, corpus.inbox.getMailboxId()).block();
        Mailbox bobInbox = addBobMessage(Username.of("bob@example.net"));

        assertThat(index.search(SESSION, bobInbox, SearchQuery.of(SearchQuery.all())).collectList().block()).hasSize(1);
        assertThat(http.execute("GET", "/" + configuration.indexName() + "/_alias/" + configuration.aliasName(), Map.of(),
            Optional.empty()).isSuccess()).isTrue();
    }

    @Test
    void retrieveIndexedFlagsShouldBeEmptyForUnknownMessage() {
        assertThat(index.retrieveIndexedFlags(corpus.inbox, MessageUid.of(99)).block()).isEqualTo(new Flags());
    }

    @Test
    void searchShouldFindAMessageAndItsNewFlagsRightAfterTheyWereIndexedWithoutWaitingForARefresh() throws Exception {
        Username carol = Username.of("carol@example.net");
        Mailbox carolInbox = TestMessages.mailbox(carol, "INBOX");
        index.add(TestMessages.session(carol), carolInbox, TestMessages.message(carolInbox, 1, Instant.parse("2026-03-01T00:00:00Z"),
            new Flags(), "From: alice@example.org\nTo: carol@example.net\nSubject: fresh\n\nJust delivered\n")).block();

        assertThat(index.search(SESSION, carolInbox, SearchQuery.of(SearchQuery.bodyContains("delivered"))).collectList().block())
            .hasSize(1);

        index.update(TestMessages.session(carol), carolInbox.getMailboxId(), List.of(UpdatedFlags.builder()
            .uid(MessageUid.of(1)).modSeq(ModSeq.of(2)).oldFlags(new Flags()).newFlags(new Flags(Flags.Flag.FLAGGED)).build())).block();

        assertThat(index.search(SESSION, carolInbox, SearchQuery.of(SearchQuery.flagIsSet(Flags.Flag.FLAGGED))).collectList().block())
            .hasSize(1);
    }

    private Mailbox addBobMessage(Username bob) throws Exception {
        Mailbox bobInbox = TestMessages.mailbox(bob, "INBOX");
        index.add(TestMessages.session(bob), bobInbox, TestMessages.message(bobInbox, 1, Instant.parse("2026-03-01T00:00:00Z"), new Flags(),
            "From: alice@example.org\nTo: bob@example.net\nSubject: hello\n\nHello Bob\n")).block();
        awaitIndexed();
        return bobInbox;
    }
}
