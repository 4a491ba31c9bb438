package ch.postwall.mailbox.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import javax.mail.Flags;

import org.apache.james.events.Event;
import org.apache.james.events.EventBus;
import org.apache.james.events.EventDeadLetters;
import org.apache.james.events.MemoryEventDeadLetters;
import org.apache.james.events.EventListener;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.ModSeq;
import org.apache.james.mailbox.SessionProvider;
import org.apache.james.mailbox.events.MailboxEvents;
import org.apache.james.mailbox.inmemory.InMemoryMailboxSessionMapperFactory;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxACL;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageId;
import org.apache.james.mailbox.model.MessageMetaData;
import org.apache.james.mailbox.model.QuotaRoot;
import org.apache.james.mailbox.model.SearchQuery;
import org.apache.james.mailbox.model.UidValidity;
import org.apache.james.mailbox.model.UpdatedFlags;
import org.apache.james.mailbox.store.MailboxSessionMapperFactory;
import org.apache.james.mailbox.store.search.MessageSearchIndex;
import org.apache.james.utils.InitializationOperation;
import org.apache.james.core.quota.QuotaCountUsage;
import org.apache.james.core.quota.QuotaSizeUsage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.util.Modules;

/** The Guice wiring, and the index driven by real mailbox events over an in-memory mailbox. */
@ExtendWith(OpenSearchExtension.class)
class OpenSearchSearchModuleTest {
    private static final MailboxSession SESSION = MessageSearchIndexContract.SESSION;

    private OpenSearchConfiguration configuration;
    private InMemoryMailboxSessionMapperFactory mapperFactory;
    private SessionProvider sessionProvider;
    private Injector injector;
    private OpenSearchMessageSearchIndex index;

    @BeforeEach
    void setUp() throws Exception {
        configuration = OpenSearchExtension.newIndexConfiguration();
        mapperFactory = new InMemoryMailboxSessionMapperFactory(Clock.systemUTC());
        sessionProvider = mock(SessionProvider.class);
        when(sessionProvider.createSystemSession(any())).thenReturn(SESSION);
        injector = Guice.createInjector(Modules.override(new OpenSearchSearchModule()).with(binder -> {
            binder.bind(OpenSearchConfiguration.class).toInstance(configuration);
            binder.bind(MailboxSessionMapperFactory.class).toInstance(mapperFactory);
            binder.bind(SessionProvider.class).toInstance(sessionProvider);
            binder.bind(MessageId.Factory.class).toInstance(TestMessages.MESSAGE_ID_FACTORY);
            binder.bind(EventBus.class).toInstance(mock(EventBus.class));
            binder.bind(EventDeadLetters.class).toInstance(new MemoryEventDeadLetters());
        }));
        index = injector.getInstance(OpenSearchMessageSearchIndex.class);
        for (InitializationOperation operation : injector.getInstance(Key.get(new TypeLiteral<Set<InitializationOperation>>() { }))) {
            operation.initModule();
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        OpenSearchHttp http = injector.getInstance(OpenSearchHttp.class);
        http.execute("DELETE", "/" + configuration.indexName(), Map.of(), Optional.empty());
        http.close();
        injector.getInstance(TikaAttachmentTextExtractor.class).close();
        injector.getInstance(SearchIndexRedelivery.class).stop();
    }

    @Test
    void moduleShouldBindTheIndexAsMessageSearchIndexAndListener() {
        assertThat(injector.getInstance(MessageSearchIndex.class)).isSameAs(index);
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Set<EventListener.ReactiveGroupEventListener>>() { })))
            .containsExactly(index);
    }

    @Test
    void mailboxEventsShouldDriveTheIndex() throws Exception {
        Mailbox mailbox = mapperFactory.getMailboxMapper(SESSION)
            .create(MailboxPath.inbox(MessageSearchIndexContract.ALICE), UidValidity.of(7)).block();
        MessageMetaData first = append(mailbox, "Subject: first\n\nOne\n");
        MessageMetaData second = append(mailbox, "Subject: second\n\nTwo\n");

        index.reactiveEvent(new MailboxEvents.Added(SESSION.getSessionId(), SESSION.getUser(), mailbox.generateAssociatedPath(),
            mailbox.getMailboxId(), new TreeMap<>(Map.of(first.getUid(), first, second.getUid(), second)), Event.EventId.random(), false)).block();
        index.refresh();
        assertThat(search(mailbox, SearchQuery.all())).containsExactly(first.getUid(), second.getUid());

        index.reactiveEvent(new MailboxEvents.FlagsUpdated(SESSION.getSessionId(), SESSION.getUser(), mailbox.generateAssociatedPath(),
            mailbox.getMailboxId(), List.of(UpdatedFlags.builder().uid(second.getUid()).modSeq(ModSeq.of(99))
                .oldFlags(new Flags()).newFlags(new Flags(Flags.Flag.FLAGGED)).build()), Event.EventId.random())).block();
        index.refresh();
        assertThat(search(mailbox, SearchQuery.flagIsSet(Flags.Flag.FLAGGED))).containsExactly(second.getUid());

        index.reactiveEvent(new MailboxEvents.Expunged(SESSION.getSessionId(), SESSION.getUser(), mailbox.generateAssociatedPath(),
            mailbox.getMailboxId(), Map.of(first.getUid(), first), Event.EventId.random())).block();
        index.refresh();
        assertThat(search(mailbox, SearchQuery.all())).containsExactly(second.getUid());

        index.reactiveEvent(new MailboxEvents.MailboxDeletion(SESSION.getSessionId(), SESSION.getUser(), mailbox.generateAssociatedPath(),
            new MailboxACL(), QuotaRoot.quotaRoot("alice", Optional.empty()), QuotaCountUsage.count(1), QuotaSizeUsage.size(10),
            mailbox.getMailboxId(), Event.EventId.random())).block();
        index.refresh();
        assertThat(search(mailbox, SearchQuery.all())).isEmpty();
    }

    @Test
    void eventsShouldGoStraightToTheDeadLettersWhileTheClusterIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        OpenSearchConfiguration away = OpenSearchConfiguration.builder()
            .hosts(List.of("127.0.0.1:" + closedPort))
            .build();
        EventDeadLetters deadLetters = new MemoryEventDeadLetters();
        Mailbox mailbox = mapperFactory.getMailboxMapper(SESSION)
            .create(MailboxPath.forUser(MessageSearchIndexContract.ALICE, "Outage"), UidValidity.of(7)).block();
        MessageMetaData message = append(mailbox, "Subject: first\n\nOne\n");
        Event added = new MailboxEvents.Added(SESSION.getSessionId(), SESSION.getUser(), mailbox.generateAssociatedPath(),
            mailbox.getMailboxId(), new TreeMap<>(Map.of(message.getUid(), message)), Event.EventId.random(), false);
        Event flagged = new MailboxEvents.FlagsUpdated(SESSION.getSessionId(), SESSION.getUser(), mailbox.generateAssociatedPath(),
            mailbox.getMailboxId(), List.of(UpdatedFlags.builder().uid(message.getUid()).modSeq(ModSeq.of(99))
                .oldFlags(new Flags()).newFlags(new Flags(Flags.Flag.FLAGGED)).build()), Event.EventId.random());

        try (OpenSearchHttp http = OpenSearchHttp.create(away)) {
            OpenSearchMessageSearchIndex unreachableIndex = new OpenSearchMessageSearchIndex(mapperFactory, sessionProvider,
                http, deadLetters, away, injector.getInstance(TikaAttachmentTextExtractor.class), TestMessages.MESSAGE_ID_FACTORY);

            // Without error: the event bus would otherwise retry each of them for about 30 s.
            unreachableIndex.reactiveEvent(added).block();
            unreachableIndex.reactiveEvent(flagged).block();
        }

        assertThat(deadLetters.failedIds(index.getDefaultGroup())
            .flatMap(id -> deadLetters.failedEvent(index.getDefaultGroup(), id)).collectList().block())
            .containsExactlyInAnyOrder(added, flagged);
    }

    private MessageMetaData append(Mailbox mailbox, String rfc822) throws Exception {
        return mapperFactory.getMessageMapper(SESSION)
            .add(mailbox, TestMessages.message(mailbox, 1, Instant.parse("2026-03-01T00:00:00Z"), new Flags(), rfc822));
    }

    private List<MessageUid> search(Mailbox mailbox, SearchQuery.Criterion criterion) throws Exception {
        return index.search(SESSION, mailbox, SearchQuery.of(criterion)).collectList().block();
    }
}
