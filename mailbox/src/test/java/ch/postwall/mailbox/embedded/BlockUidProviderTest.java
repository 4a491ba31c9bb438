package ch.postwall.mailbox.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.mail.util.SharedByteArrayInputStream;
import javax.persistence.EntityManagerFactory;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.ModSeq;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.MessageResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.mailbox.testing.EmbeddedBackendExtension;
import reactor.core.publisher.Flux;

/** UIDs and mod-sequences from reserved blocks, as IMAP clients see them. */
class BlockUidProviderTest {
    @RegisterExtension
    static final EmbeddedBackendExtension server = new EmbeddedBackendExtension();

    @Test
    void uidsShouldFollowEachOtherAndUidNextShouldBeTheNextOneWhenBlocksAreReserved() throws Exception {
        MessageManager inbox = inboxOf("alice@localhost");
        MailboxSession session = session("alice@localhost");

        List<MessageUid> uids = new ArrayList<>();
        for (int i = 0; i < NumberBlocks.BLOCK_SIZE + 5; i++) {
            uids.add(append(inbox, session));
        }

        assertThat(uids.get(0)).isEqualTo(MessageUid.MIN_VALUE);
        for (int i = 1; i < uids.size(); i++) {
            assertThat(uids.get(i)).isEqualTo(uids.get(i - 1).next());
        }
        MessageManager.MailboxMetaData metaData = inbox.getMetaData(MessageManager.MailboxMetaData.RecentMode.IGNORE, session,
            MessageManager.MailboxMetaData.FetchGroup.NO_COUNT);
        assertThat(metaData.getUidNext()).isEqualTo(uids.get(uids.size() - 1).next());
    }

    @Test
    void highestModSeqShouldBeTheModSeqOfTheLastChangeWhenBlocksAreReserved() throws Exception {
        MessageManager inbox = inboxOf("bob@localhost");
        MailboxSession session = session("bob@localhost");
        append(inbox, session);
        append(inbox, session);

        ModSeq lastMessageModSeq = Flux.from(inbox.getMessagesReactive(MessageRange.all(), FetchGroup.MINIMAL, session))
            .map(MessageResult::getModSeq)
            .reduce((a, b) -> a.asLong() > b.asLong() ? a : b)
            .block();
        MessageManager.MailboxMetaData metaData = inbox.getMetaData(MessageManager.MailboxMetaData.RecentMode.IGNORE, session,
            MessageManager.MailboxMetaData.FetchGroup.NO_COUNT);

        assertThat(metaData.getHighestModSeq()).isEqualTo(lastMessageModSeq);
    }

    @Test
    void aRestartedProviderShouldContinueAfterTheReservedBlockWhenUidsWereReserved() throws Exception {
        MessageManager inbox = inboxOf("carol@localhost");
        MessageUid handedOutBeforeRestart = append(inbox, session("carol@localhost"));

        // A new provider on the same database is what the next start of the server gets.
        BlockUidProvider restarted = new BlockUidProvider(server.instance(EntityManagerFactory.class));
        MessageUid uidNextAfterRestart = restarted.lastUid(inbox.getMailboxEntity()).orElseThrow().next();
        MessageUid nextAfterRestart = restarted.nextUid(inbox.getMailboxEntity());

        assertThat(nextAfterRestart).isGreaterThan(handedOutBeforeRestart).isEqualTo(uidNextAfterRestart);
        assertThat(restarted.lastUid(inbox.getMailboxEntity())).contains(nextAfterRestart);
    }

    private static MailboxSession session(String user) {
        return server.instance(MailboxManager.class).createSystemSession(Username.of(user));
    }

    private static MessageManager inboxOf(String user) throws Exception {
        MailboxManager mailboxManager = server.instance(MailboxManager.class);
        MailboxSession session = session(user);
        MailboxPath inbox = MailboxPath.inbox(Username.of(user));
        mailboxManager.createMailbox(inbox, session);
        return mailboxManager.getMailbox(inbox, session);
    }

    private static MessageUid append(MessageManager mailbox, MailboxSession session) throws Exception {
        return mailbox.appendMessage(MessageManager.AppendCommand.builder()
            .build(new SharedByteArrayInputStream("Subject: hi\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII))), session)
            .getId().getUid();
    }
}
