package ch.postwall.mailbox.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Date;

import javax.mail.Flags;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.ModSeq;
import org.apache.james.mailbox.jpa.JPAId;
import org.apache.james.mailbox.model.ByteContent;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxId;
import org.apache.james.mailbox.model.ThreadId;
import org.apache.james.mailbox.store.MailboxSessionMapperFactory;
import org.apache.james.mailbox.store.mail.MessageMapper;
import org.apache.james.mailbox.store.mail.model.DefaultMessageId;
import org.apache.james.mailbox.store.mail.model.MailboxMessage;
import org.apache.james.mailbox.store.mail.model.impl.PropertyBuilder;
import org.apache.james.mailbox.store.mail.model.impl.SimpleMailboxMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.mailbox.testing.EmbeddedBackendExtension;

class RecentlyAddedMessagesTest {
    private static final MailboxId MAILBOX_ID = JPAId.of(3);

    @RegisterExtension
    static final EmbeddedBackendExtension server = new EmbeddedBackendExtension();

    private final RecentlyAddedMessages recentlyAdded = new RecentlyAddedMessages();

    @Test
    void aMessageShouldBeTakenOnceWithItsContent() throws Exception {
        recentlyAdded.remember(message(MAILBOX_ID, MessageUid.of(5), "Subject: a\r\n\r\nbody\r\n"));

        MailboxMessage taken = recentlyAdded.take(MAILBOX_ID, MessageUid.of(5)).orElseThrow();

        assertThat(taken.getUid()).isEqualTo(MessageUid.of(5));
        assertThat(taken.getModSeq()).isEqualTo(ModSeq.of(9));
        assertThat(new String(taken.getFullContent().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("Subject: a\r\n\r\nbody\r\n");
        assertThat(recentlyAdded.take(MAILBOX_ID, MessageUid.of(5))).isEmpty();
        assertThat(recentlyAdded.take(JPAId.of(4), MessageUid.of(5))).isEmpty();
    }

    @Test
    void aLargeMessageShouldNotBeKept() throws Exception {
        recentlyAdded.remember(message(MAILBOX_ID, MessageUid.of(6),
            "Subject: big\r\n\r\n" + "x".repeat(RecentlyAddedMessages.LARGEST_KEPT)));

        assertThat(recentlyAdded.take(MAILBOX_ID, MessageUid.of(6))).isEmpty();
    }

    @Test
    void theEmbeddedMessageMapperShouldKeepTheMessagesItAdds() throws Exception {
        EmbeddedBackendExtension.Inbox created = server.createInbox(Username.of("kept@localhost"));
        MailboxSession session = created.session();
        MailboxSessionMapperFactory mappers = server.instance(MailboxSessionMapperFactory.class);
        Mailbox inbox = mappers.getMailboxMapper(session).findMailboxByPath(created.path()).block();
        MessageMapper messages = mappers.getMessageMapper(session);

        MessageUid uid = messages.execute(() -> messages.add(inbox, message(inbox.getMailboxId(), null, "Subject: b\r\n\r\nkept\r\n"))).getUid();

        MailboxMessage kept = server.instance(RecentlyAddedMessages.class).take(inbox.getMailboxId(), uid).orElseThrow();
        assertThat(new String(kept.getFullContent().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("Subject: b\r\n\r\nkept\r\n");
    }

    /** A message of the mailbox, with that uid unless it is null (then the mapper gives it one). */
    static SimpleMailboxMessage message(MailboxId mailboxId, MessageUid uid, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.US_ASCII);
        SimpleMailboxMessage.Builder builder = SimpleMailboxMessage.builder()
            .messageId(new DefaultMessageId.Factory().generate())
            .threadId(ThreadId.fromBaseMessageId(new DefaultMessageId.Factory().generate()))
            .mailboxId(mailboxId)
            .modseq(ModSeq.of(9))
            .internalDate(new Date())
            .size(bytes.length)
            .bodyStartOctet(content.indexOf("\r\n\r\n") + 4)
            .content(new ByteContent(bytes))
            .flags(new Flags())
            .properties(new PropertyBuilder());
        if (uid != null) {
            builder.uid(uid);
        }
        return builder.build();
    }
}
