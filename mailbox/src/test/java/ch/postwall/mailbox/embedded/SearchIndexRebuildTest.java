package ch.postwall.mailbox.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.mail.Flags;
import javax.mail.util.SharedByteArrayInputStream;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.SessionProvider;
import org.apache.james.mailbox.jpa.JPAId;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.SearchQuery;
import org.apache.james.mailbox.model.UidValidity;
import org.apache.james.mailbox.store.MailboxSessionMapperFactory;
import org.apache.james.mailbox.store.mail.MessageMapper;
import org.apache.james.mailbox.store.mail.model.DefaultMessageId;
import org.apache.james.mailbox.store.mail.model.MailboxMessage;
import org.apache.lucene.store.RAMDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import ch.postwall.mailbox.testing.EmbeddedBackendExtension;

class SearchIndexRebuildTest {
    @RegisterExtension
    static final EmbeddedBackendExtension server = new EmbeddedBackendExtension();

    @Test
    void searchesDuringARebuildShouldFindEveryMessageTheIndexAlreadyHeld(@TempDir Path indexDirectory) throws Exception {
        EmbeddedBackendExtension.Inbox created = server.createInbox(Username.of("erin@localhost"));
        for (int i = 0; i < 300; i++) {
            append(created, "Subject: m" + i + "\r\n\r\nquarterly figures " + i + "\r\n");
        }
        Mailbox mailbox = mailbox(created);
        DurableLuceneMessageSearchIndex index = indexAfterACrash(indexDirectory);
        for (MailboxMessage message : stored(created, mailbox)) {
            index.add(created.session(), mailbox, message).block();
        }
        SearchQuery figures = SearchQuery.of(SearchQuery.bodyContains("quarterly figures"));
        AtomicInteger fewestFound = new AtomicInteger(Integer.MAX_VALUE);
        AtomicBoolean rebuilt = new AtomicBoolean();
        Thread searching = new Thread(() -> {
            while (!rebuilt.get()) {
                fewestFound.accumulateAndGet(index.doSearch(created.session(), mailbox, figures).collectList().block().size(), Math::min);
            }
        });
        searching.start();

        rebuild(index);
        rebuilt.set(true);
        searching.join();

        assertThat(fewestFound.get()).isEqualTo(300);
        assertThat(index.doSearch(created.session(), mailbox, figures).collectList().block()).hasSize(300).doesNotHaveDuplicates();
        assertThat(index.needsRebuild()).isFalse();
        index.close();
    }

    @Test
    void aRebuildShouldIndexWhatTheIndexMissedAndForgetWhatIsNoLongerStored(@TempDir Path indexDirectory) throws Exception {
        EmbeddedBackendExtension.Inbox created = server.createInbox(Username.of("frank@localhost"));
        MessageUid alpha = append(created, "Subject: a\r\n\r\nalpha\r\n");
        MessageUid bravo = append(created, "Subject: b\r\n\r\nbravo\r\n");
        Mailbox mailbox = mailbox(created);
        DurableLuceneMessageSearchIndex index = indexAfterACrash(indexDirectory);
        for (MailboxMessage message : stored(created, mailbox)) {
            index.add(created.session(), mailbox, message).block();
        }
        // What the crash kept from the index: a message expunged since, a mailbox deleted since.
        index.add(created.session(), mailbox, RecentlyAddedMessagesTest.message(mailbox.getMailboxId(), MessageUid.of(999), "Subject: x\r\n\r\nexpunged\r\n")).block();
        Mailbox deleted = new Mailbox(MailboxPath.forUser(Username.of("frank@localhost"), "Gone"), UidValidity.of(7), JPAId.of(987654321));
        index.add(created.session(), deleted, RecentlyAddedMessagesTest.message(deleted.getMailboxId(), MessageUid.of(1), "Subject: y\r\n\r\ndeleted\r\n")).block();
        // What it lost: a message appended and a flag set.
        MessageUid charlie = append(created, "Subject: c\r\n\r\ncharlie\r\n");
        created.messages().setFlags(new Flags(Flags.Flag.SEEN), MessageManager.FlagsUpdateMode.ADD, MessageRange.one(alpha), created.session());

        rebuild(index);

        assertThat(search(index, created, mailbox, SearchQuery.bodyContains("charlie"))).containsExactly(charlie);
        assertThat(search(index, created, mailbox, SearchQuery.bodyContains("expunged"))).isEmpty();
        assertThat(search(index, created, mailbox, SearchQuery.flagIsSet(Flags.Flag.SEEN))).containsExactly(alpha);
        assertThat(search(index, created, mailbox, SearchQuery.all())).containsExactly(alpha, bravo, charlie);
        assertThat(index.indexedUids(mailbox.getMailboxId())).containsExactly(alpha.asLong(), bravo.asLong(), charlie.asLong());
        assertThat(index.indexedUids(deleted.getMailboxId())).isEmpty();
        index.close();
    }

    private static void rebuild(DurableLuceneMessageSearchIndex index) {
        new SearchIndexRebuild(index, server.instance(MailboxSessionMapperFactory.class), server.instance(SessionProvider.class)).rebuild();
    }

    private static DurableLuceneMessageSearchIndex indexAfterACrash(Path indexDirectory) throws Exception {
        // An index the previous run did not close.
        Files.write(indexDirectory.resolve(".open"), new byte[0]);
        DurableLuceneMessageSearchIndex index = newIndex(indexDirectory);
        assertThat(index.needsRebuild()).isTrue();
        return index;
    }

    private static DurableLuceneMessageSearchIndex newIndex(Path indexDirectory) throws Exception {
        return new DurableLuceneMessageSearchIndex(server.instance(MailboxSessionMapperFactory.class), new JPAId.Factory(),
            new RAMDirectory(), indexDirectory, new DefaultMessageId.Factory(), server.instance(SessionProvider.class), new RecentlyAddedMessages());
    }

    private static MessageUid append(EmbeddedBackendExtension.Inbox inbox, String content) throws Exception {
        return inbox.messages().appendMessage(MessageManager.AppendCommand.builder()
                .build(new SharedByteArrayInputStream(content.getBytes(StandardCharsets.US_ASCII))), inbox.session())
            .getId().getUid();
    }

    private static Mailbox mailbox(EmbeddedBackendExtension.Inbox inbox) {
        return server.instance(MailboxSessionMapperFactory.class).getMailboxMapper(inbox.session()).findMailboxByPath(inbox.path()).block();
    }

    private static List<MailboxMessage> stored(EmbeddedBackendExtension.Inbox inbox, Mailbox mailbox) throws Exception {
        MessageMapper messages = server.instance(MailboxSessionMapperFactory.class).getMessageMapper(inbox.session());
        Iterator<MailboxMessage> found = messages.findInMailbox(mailbox, MessageRange.all(), MessageMapper.FetchType.FULL, -1);
        List<MailboxMessage> all = new ArrayList<>();
        found.forEachRemaining(all::add);
        return all;
    }

    private static List<MessageUid> search(DurableLuceneMessageSearchIndex index, EmbeddedBackendExtension.Inbox inbox, Mailbox mailbox,
                                           SearchQuery.Criterion criterion) throws Exception {
        return index.doSearch(inbox.session(), mailbox, SearchQuery.of(criterion)).collectList().block();
    }
}
