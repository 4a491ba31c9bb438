package ch.postwall.mailbox.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.mail.Flags;

import org.apache.james.core.Username;
import org.apache.james.events.EventBus;
import org.apache.james.events.EventListener;
import org.apache.james.events.Registration;
import org.apache.james.core.quota.QuotaCountLimit;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.exception.OverQuotaException;
import org.apache.james.mailbox.events.MailboxEvents;
import org.apache.james.mailbox.events.MailboxIdRegistrationKey;
import org.apache.james.mailbox.model.Content;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.MessageResult;
import org.apache.james.mailbox.model.SearchQuery;
import org.apache.james.mailbox.quota.MaxQuotaManager;
import org.apache.james.mailbox.quota.QuotaRootResolver;
import org.apache.james.mailbox.store.MailboxSessionMapperFactory;
import org.apache.james.mailbox.store.mail.MessageMapper;
import org.apache.james.mailbox.store.mail.model.MailboxMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.google.common.collect.ImmutableList;

import ch.postwall.mailbox.testing.EmbeddedBackendExtension;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Appends stored in groups ({@link GroupedAppends}) store what James's own append stores, in order, one by one if need be. */
class GroupedAppendsTest {
    private static final List<String> MESSAGES = List.of(
        "Subject: no type\r\n\r\nplain words\r\non two lines\r\n",
        "Subject: utf-8\r\nContent-Type: text/plain; charset=\"UTF-8\"; format=flowed\r\n"
            + "Content-Transfer-Encoding: quoted-printable\r\nContent-Language: de, fr\r\n\r\nGr=C3=BCezi\r\nmitenand\r\n\r\n",
        "Subject: html\r\nContent-Type: TEXT/HTML\r\nContent-ID: <part@example.com>\r\nContent-Description: a page\r\n"
            + "Content-Location: http://example.com/page\r\nContent-MD5: Q2hlY2sgSW50ZWdyaXR5IQ==\r\n\r\n<p>hi</p>\r\n",
        "Subject: mixed\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\npreamble\r\n--b1\r\n"
            + "Content-Type: text/plain\r\n\r\nthe text\r\n--b1\r\nContent-Type: application/pdf; name=a.pdf\r\n"
            + "Content-Disposition: attachment; filename=\"a.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n"
            + "--b1--\r\nepilogue\r\n",
        "Subject: attached\r\nContent-Type: application/octet-stream\r\nContent-Disposition: inline; filename=x.bin\r\n\r\nAAAA\r\n",
        "Subject: headers only\r\nFrom: a@example.com\r\n",
        "Subject: bare line feeds\nContent-Type: text/plain; charset=iso-8859-1\n\nline one\nline two\nline three\n",
        "Subject: empty body\r\n\r\n");

    @RegisterExtension
    static final EmbeddedBackendExtension server = new EmbeddedBackendExtension();

    @Test
    void aGroupedAppendShouldStoreWhatJamessOwnAppendStores() throws Exception {
        EmbeddedBackendExtension.Inbox inbox = server.createInbox(Username.of("fidelity@localhost"));
        Date internalDate = new Date(1_700_000_000_000L);
        Flags asked = new Flags(Flags.Flag.SEEN);
        asked.add("$Label1");
        for (String text : MESSAGES) {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            // The InputStream form of append is James's own code, untouched.
            MessageUid byJames = inbox.messages().appendMessage(new ByteArrayInputStream(bytes), internalDate,
                inbox.session(), true, new Flags(asked)).getId().getUid();
            MessageUid grouped = inbox.messages().appendMessage(MessageManager.AppendCommand.builder()
                .withInternalDate(internalDate).withFlags(new Flags(asked)).recent()
                .build(bytes), inbox.session()).getId().getUid();

            MailboxMessage expected = stored(inbox, byJames);
            MailboxMessage actual = stored(inbox, grouped);
            assertThat(actual.getMediaType()).as(text).isEqualTo(expected.getMediaType());
            assertThat(actual.getSubType()).as(text).isEqualTo(expected.getSubType());
            assertThat(actual.getProperties().toProperties()).as(text).isEqualTo(expected.getProperties().toProperties());
            assertThat(actual.getTextualLineCount()).as(text).isEqualTo(expected.getTextualLineCount());
            assertThat(actual.getHeaderOctets()).as(text).isEqualTo(expected.getHeaderOctets());
            assertThat(actual.getBodyOctets()).as(text).isEqualTo(expected.getBodyOctets());
            assertThat(actual.getFullContentOctets()).as(text).isEqualTo(bytes.length);
            assertThat(actual.createFlags()).as(text).isEqualTo(expected.createFlags());
            assertThat(actual.getInternalDate()).as(text).isEqualTo(expected.getInternalDate());
            assertThat(actual.getFullContent().readAllBytes()).as(text).isEqualTo(bytes);
        }
    }

    @Test
    void concurrentAppendsShouldAllBeStoredAndNoReaderSeeALaterOneWithoutTheOnesBefore() throws Exception {
        EmbeddedBackendExtension.Inbox inbox = server.createInbox(Username.of("concurrent@localhost"));
        int threads = 8;
        int perThread = 40;
        AtomicBoolean appending = new AtomicBoolean(true);
        List<String> gaps = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            Future<?> reader = pool.submit(() -> {
                EmbeddedBackendExtension.Inbox mine = ownSession(inbox);
                while (appending.get()) {
                    // Nothing fails here, so every UID up to the highest one seen must be seen too.
                    for (MessageRange range : List.of(MessageRange.all(), MessageRange.from(MessageUid.MIN_VALUE))) {
                        List<Long> visible = uids(mine, range);
                        if (!visible.isEmpty() && visible.get(visible.size() - 1) != visible.size()) {
                            gaps.add(range + ": " + visible);
                        }
                    }
                }
                return null;
            });
            List<Future<List<Long>>> writers = appendConcurrently(pool, inbox, threads, perThread);
            List<Long> handedOut = new ArrayList<>();
            for (Future<List<Long>> writer : writers) {
                List<Long> mine = writer.get();
                // An append that returned is stored: a later one of the same writer is numbered after it.
                assertThat(mine).isSorted().doesNotHaveDuplicates();
                handedOut.addAll(mine);
            }
            appending.set(false);
            reader.get();

            assertThat(gaps).isEmpty();
            assertThat(handedOut).doesNotHaveDuplicates().hasSize(threads * perThread);
            assertThat(uids(inbox, MessageRange.all())).containsExactlyInAnyOrderElementsOf(handedOut);
        } finally {
            appending.set(false);
            pool.shutdownNow();
        }
    }

    @Test
    void aCountShouldNotIncludeAMessageWhoseAddedEventIsStillToCome() throws Exception {
        EmbeddedBackendExtension.Inbox inbox = server.createInbox(Username.of("counted@localhost"));
        EventBus eventBus = server.instance(EventBus.class);
        MailboxIdRegistrationKey key = new MailboxIdRegistrationKey(inbox.messages().getId());
        // A slow listener, as IMAP sessions are, keeps a group's events long in dispatch after its commit.
        Registration slow = Mono.from(eventBus.register(
            (EventListener.ReactiveEventListener) event -> Mono.delay(Duration.ofMillis(1)).then(), key)).block();
        AtomicBoolean appending = new AtomicBoolean(true);
        List<String> miscounts = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            Future<?> reader = pool.submit(() -> {
                EmbeddedBackendExtension.Inbox mine = ownSession(inbox);
                while (appending.get()) {
                    // As IMAP's SELECT: listen, list the UIDs, count; the count is sent as EXISTS and a client may fetch
                    // 1:EXISTS at once, so it must not count a message neither listed nor announced.
                    Set<MessageUid> known = ConcurrentHashMap.newKeySet();
                    Registration listening = Mono.from(eventBus.register((EventListener.ReactiveEventListener) event ->
                        Mono.fromRunnable(() -> known.addAll(event instanceof MailboxEvents.Added added
                            ? added.getUids() : List.of())), key)).block();
                    known.addAll(Flux.from(mine.messages().search(SearchQuery.of(SearchQuery.all()), mine.session()))
                        .collectList().block());
                    long exists = mine.messages().getMetaData(MessageManager.MailboxMetaData.RecentMode.IGNORE,
                        mine.session(), EnumSet.of(MessageManager.MailboxMetaData.Item.MailboxCounters)).getMessageCount();
                    if (exists > known.size()) {
                        miscounts.add(exists + " counted, " + known.size() + " known");
                    }
                    Mono.from(listening.unregister()).block();
                }
                return null;
            });
            for (Future<List<Long>> writer : appendConcurrently(pool, inbox, 4, 60)) {
                writer.get();
            }
            appending.set(false);
            reader.get();
        } finally {
            appending.set(false);
            pool.shutdownNow();
            Mono.from(slow.unregister()).block();
        }
        assertThat(miscounts).isEmpty();
    }

    @Test
    void aMessageThatCannotBeStoredShouldFailOnlyItsOwnAppend() throws Exception {
        EmbeddedBackendExtension.Inbox inbox = server.createInbox(Username.of("onebad@localhost"));
        int good = 20;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> appends = new ArrayList<>();
            for (int i = 0; i < good; i++) {
                byte[] message = ("Subject: good " + i + "\r\n\r\nfine\r\n").getBytes(StandardCharsets.US_ASCII);
                appends.add(pool.submit(() -> inbox.messages().appendMessage(MessageManager.AppendCommand.builder().build(message),
                    inbox.session())));
            }
            Future<?> bad = pool.submit(() -> inbox.messages().appendMessage(MessageManager.AppendCommand.builder()
                .build(new ReadableOnce("Subject: bad\r\n\r\ngone\r\n")), inbox.session()));
            for (Future<?> append : appends) {
                append.get();
            }
            assertThatThrownBy(bad::get).hasCauseInstanceOf(MailboxException.class);
        } finally {
            pool.shutdownNow();
        }
        assertThat(uids(inbox, MessageRange.all())).hasSize(good);
    }

    @Test
    void anAppendOverTheQuotaShouldStoreNothing() throws Exception {
        EmbeddedBackendExtension.Inbox inbox = server.createInbox(Username.of("full@localhost"));
        server.instance(MaxQuotaManager.class).setMaxMessage(
            server.instance(QuotaRootResolver.class).getQuotaRoot(inbox.path()), QuotaCountLimit.count(0));

        assertThatThrownBy(() -> inbox.messages().appendMessage(
            MessageManager.AppendCommand.builder().build("Subject: one too many\r\n\r\nx\r\n"), inbox.session()))
            .isInstanceOf(OverQuotaException.class);
        assertThat(uids(inbox, MessageRange.all())).isEmpty();
    }

    /** Each writer appends in its own session, one message after the other; its futures give the UIDs it was handed. */
    private static List<Future<List<Long>>> appendConcurrently(ExecutorService pool, EmbeddedBackendExtension.Inbox inbox,
                                                               int threads, int perThread) {
        List<Future<List<Long>>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int writer = t;
            writers.add(pool.submit(() -> {
                EmbeddedBackendExtension.Inbox session = ownSession(inbox);
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    byte[] message = ("Subject: " + writer + "-" + i + "\r\n\r\nbody " + writer + " " + i + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
                    mine.add(session.messages().appendMessage(MessageManager.AppendCommand.builder().build(message),
                        session.session()).getId().getUid().asLong());
                }
                return mine;
            }));
        }
        return writers;
    }

    /** James's sessions (and their JPA entity managers) are not shared between threads. */
    private static EmbeddedBackendExtension.Inbox ownSession(EmbeddedBackendExtension.Inbox inbox) throws MailboxException {
        MailboxManager mailboxManager = server.instance(MailboxManager.class);
        MailboxSession session = mailboxManager.createSystemSession(inbox.session().getUser());
        return new EmbeddedBackendExtension.Inbox(session, inbox.path(), mailboxManager.getMailbox(inbox.path(), session));
    }

    private static MailboxMessage stored(EmbeddedBackendExtension.Inbox inbox, MessageUid uid) throws MailboxException {
        MailboxSession session = inbox.session();
        MessageMapper mapper = server.instance(MailboxSessionMapperFactory.class).getMessageMapper(session);
        return ImmutableList.copyOf(mapper.findInMailbox(inbox.messages().getMailboxEntity(), MessageRange.one(uid),
            MessageMapper.FetchType.FULL, 1)).get(0);
    }

    private static List<Long> uids(EmbeddedBackendExtension.Inbox inbox, MessageRange range) throws MailboxException {
        List<Long> uids = new ArrayList<>();
        inbox.messages().getMessages(range, FetchGroup.MINIMAL, inbox.session())
            .forEachRemaining((MessageResult result) -> uids.add(result.getUid().asLong()));
        return uids;
    }

    /** Content whose bytes can be read once: parsed at the append, gone when it is to be stored. */
    private static final class ReadableOnce implements Content {
        private final byte[] bytes;
        private final AtomicInteger reads = new AtomicInteger();

        ReadableOnce(String text) {
            this.bytes = text.getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public InputStream getInputStream() throws IOException {
            if (reads.getAndIncrement() > 0) {
                throw new IOException("already read");
            }
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public long size() {
            return bytes.length;
        }
    }
}
