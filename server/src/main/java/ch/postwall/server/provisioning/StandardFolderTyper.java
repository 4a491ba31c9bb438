package ch.postwall.server.provisioning;

import java.util.Map;

import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.api.process.MailboxType;
import org.apache.james.imap.api.process.MailboxTyper;
import org.apache.james.mailbox.model.MailboxConstants;
import org.apache.james.mailbox.model.MailboxPath;

import ch.postwall.mailbox.provisioning.DefaultFolders;

/** IMAP SPECIAL-USE attributes (RFC 6154) for Postwall's standard folder names, Junk included. */
public class StandardFolderTyper implements MailboxTyper {
    private static final Map<String, MailboxType> TYPES = Map.of(
        DefaultFolders.SENT, MailboxType.SENT,
        DefaultFolders.DRAFTS, MailboxType.DRAFTS,
        DefaultFolders.TRASH, MailboxType.TRASH,
        DefaultFolders.JUNK, MailboxType.SPAM,
        DefaultFolders.ARCHIVE, MailboxType.ARCHIVE);

    @Override
    public MailboxType getMailboxType(ImapSession session, MailboxPath path) {
        if (path.getName().equalsIgnoreCase(MailboxConstants.INBOX)) {
            return MailboxType.INBOX;
        }
        return TYPES.getOrDefault(path.getName(), MailboxType.OTHER);
    }
}
