package ch.postwall.mailbox.opensearch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import javax.mail.Flags;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.ModSeq;
import org.apache.james.mailbox.cassandra.ids.CassandraMessageId;
import org.apache.james.mailbox.jpa.JPAId;
import org.apache.james.mailbox.model.AttachmentId;
import org.apache.james.mailbox.model.Content;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageAttachmentMetadata;
import org.apache.james.mailbox.model.MessageId;
import org.apache.james.mailbox.model.ThreadId;
import org.apache.james.mailbox.model.UidValidity;
import org.apache.james.mailbox.store.mail.model.impl.MessageParser;
import org.apache.james.mailbox.store.mail.model.impl.PropertyBuilder;
import org.apache.james.mailbox.store.mail.model.impl.SimpleMailboxMessage;

import com.google.common.collect.ImmutableList;

/** Builds mailboxes and RFC 5322 messages, with the attachment metadata a James mailbox would store. */
final class TestMessages {
    static final MessageId.Factory MESSAGE_ID_FACTORY = new CassandraMessageId.Factory();
    private static final AtomicLong MAILBOX_IDS = new AtomicLong();

    private TestMessages() {
    }

    static Mailbox mailbox(Username owner, String name) {
        // Numeric ids: James's Lucene index upper-cases the ids it stores but not the ids it searches.
        return new Mailbox(MailboxPath.forUser(owner, name), UidValidity.of(42), JPAId.of(MAILBOX_IDS.incrementAndGet()));
    }

    static MailboxSession session(Username username) {
        return new MailboxSession(MailboxSession.SessionId.of(1), username, Optional.empty(), List.of(), '.', MailboxSession.SessionType.User);
    }

    static SimpleMailboxMessage message(Mailbox mailbox, long uid, Instant internalDate, Flags flags, String rfc822) throws IOException {
        byte[] bytes = rfc822.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        MessageId messageId = MESSAGE_ID_FACTORY.generate();
        ImmutableList.Builder<MessageAttachmentMetadata> attachments = ImmutableList.builder();
        for (var parsed : new MessageParser().retrieveAttachments(new ByteArrayInputStream(bytes)).getAttachments()) {
            attachments.add(parsed.asMessageAttachment(AttachmentId.random(), messageId));
        }
        return SimpleMailboxMessage.builder()
            .messageId(messageId)
            .threadId(ThreadId.fromBaseMessageId(messageId))
            .mailboxId(mailbox.getMailboxId())
            .uid(MessageUid.of(uid))
            .modseq(ModSeq.of(uid * 10))
            .internalDate(Date.from(internalDate))
            .size(bytes.length)
            .bodyStartOctet(new String(bytes, StandardCharsets.UTF_8).indexOf("\r\n\r\n") + 4)
            .content(new BytesContent(bytes))
            .flags(flags)
            .properties(new PropertyBuilder())
            .addAttachments(attachments.build())
            .build();
    }

    static String withAttachment(String headers, String text, String attachmentType, String fileName, byte[] attachment) {
        return headers
            + "MIME-Version: 1.0\n"
            + "Content-Type: multipart/mixed; boundary=\"b1\"\n"
            + "\n"
            + "--b1\n"
            + "Content-Type: text/plain; charset=UTF-8\n"
            + "\n"
            + text + "\n"
            + "--b1\n"
            + "Content-Type: " + attachmentType + "\n"
            + "Content-Disposition: attachment; filename=\"" + fileName + "\"\n"
            + "Content-Transfer-Encoding: base64\n"
            + "\n"
            + Base64.getMimeEncoder().encodeToString(attachment) + "\n"
            + "--b1--\n";
    }

    private record BytesContent(byte[] bytes) implements Content {
        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public long size() {
            return bytes.length;
        }
    }
}
