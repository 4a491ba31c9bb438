package ch.postwall.retention.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.inject.Inject;
import javax.mail.Flags;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.ComposedMessageIdWithMetaData;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.MailboxId;
import org.apache.james.mailbox.model.MailboxMetaData;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.MessageResult;
import org.apache.james.mailbox.model.MessageResultIterator;
import org.apache.james.mailbox.model.search.MailboxQuery;

import ch.postwall.mailbox.lifecycle.ExportArchive;
import ch.postwall.mailbox.lifecycle.ExportStep;
import reactor.core.publisher.Flux;

/**
 * Every mail folder of the user: {@code mail/<folder>/<uid>.eml} per message, as stored, and
 * {@code mail/<folder>/flags.txt} with one line per message ({@code <uid> <flag> <flag>...}, IMAP flag names).
 * Messages are fetched and written one at a time; only the flag lines of a folder are held in memory, so a mailbox
 * larger than the heap exports fine.
 */
public class MailboxExportStep implements ExportStep {
    public static final String NAME = "mail";
    static final String FLAGS = "flags.txt";
    private static final int BATCH = 256;

    private final MailboxManager mailboxManager;

    @Inject
    public MailboxExportStep(MailboxManager mailboxManager) {
        this.mailboxManager = mailboxManager;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void export(Username user, ExportArchive archive) throws IOException {
        MailboxSession session = mailboxManager.createSystemSession(user);
        try {
            List<MailboxMetaData> mailboxes = Flux.from(mailboxManager.search(MailboxQuery.privateMailboxesBuilder(session).build(),
                    MailboxManager.MailboxSearchFetchType.Minimal, session))
                .sort(Comparator.comparing(mailbox -> mailbox.getPath().getName()))
                .collectList().block();
            for (MailboxMetaData mailbox : mailboxes) {
                exportFolder(mailboxManager.getMailbox(mailbox.getId(), session), mailbox.getPath().getName(), archive, session);
            }
        } catch (MailboxException e) {
            throw new IOException("Cannot read the mailboxes of " + user.asString(), e);
        } finally {
            mailboxManager.endProcessingRequest(session);
        }
    }

    /**
     * Lists the folder's uids and flags first, then reads each message in a session of its own, ended right after:
     * the embedded backend's JPA mapper keeps every message it loaded (body included) until its session ends, so a
     * single session over the folder would hold the whole folder in memory.
     */
    private void exportFolder(MessageManager folder, String name, ExportArchive archive, MailboxSession session) throws IOException {
        String directory = NAME + "/" + name + "/";
        StringBuilder flags = new StringBuilder();
        long count = 0;
        for (ComposedMessageIdWithMetaData message : Flux.from(folder.listMessagesMetadata(MessageRange.all(), session))
            .toIterable(BATCH)) {
            MessageUid uid = message.getComposedMessageId().getUid();
            if (exportMessage(folder.getId(), directory + uid.asLong() + ".eml", uid, session.getUser(), archive)) {
                flags.append(uid.asLong()).append(flagNames(message.getFlags())).append('\n');
                count++;
            }
        }
        byte[] flagLines = flags.toString().getBytes(StandardCharsets.UTF_8);
        archive.addEntry(directory + FLAGS, count, output -> output.write(flagLines));
    }

    /** False when the message was expunged since the folder was listed. */
    private boolean exportMessage(MailboxId folder, String path, MessageUid uid, Username user, ExportArchive archive) throws IOException {
        MailboxSession session = mailboxManager.createSystemSession(user);
        try {
            MessageResultIterator messages = mailboxManager.getMailbox(folder, session)
                .getMessages(MessageRange.one(uid), FetchGroup.FULL_CONTENT, session);
            if (!messages.hasNext()) {
                return false;
            }
            MessageResult message = messages.next();
            archive.addEntry(path, 1, output -> {
                try (InputStream content = message.getFullContent().getInputStream()) {
                    content.transferTo(output);
                } catch (MailboxException e) {
                    throw new IOException("Cannot read " + path, e);
                }
            });
            return true;
        } catch (MailboxException e) {
            throw new IOException("Cannot read " + path, e);
        } finally {
            mailboxManager.endProcessingRequest(session);
        }
    }

    private static String flagNames(Flags flags) {
        return Stream.concat(
                // \Recent is the state of an IMAP session, not something the message keeps.
                Arrays.stream(flags.getSystemFlags()).filter(flag -> flag != Flags.Flag.RECENT).map(MailboxExportStep::systemFlagName),
                Arrays.stream(flags.getUserFlags()))
            .map(flag -> " " + flag)
            .collect(Collectors.joining());
    }

    private static String systemFlagName(Flags.Flag flag) {
        if (flag == Flags.Flag.SEEN) {
            return "\\Seen";
        } else if (flag == Flags.Flag.ANSWERED) {
            return "\\Answered";
        } else if (flag == Flags.Flag.FLAGGED) {
            return "\\Flagged";
        } else if (flag == Flags.Flag.DELETED) {
            return "\\Deleted";
        }
        return "\\Draft";
    }
}
