package ch.postwall.mailbox.provisioning;

import java.util.List;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.SubscriptionManager;
import org.apache.james.mailbox.exception.MailboxExistsException;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.MailboxConstants;
import org.apache.james.mailbox.model.MailboxPath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Mono;

/**
 * The standard folders every account has from its creation on, subscribed, so that every client
 * finds the same Sent, Drafts, Trash, Junk and Archive (IMAP SPECIAL-USE, RFC 6154).
 */
public class DefaultFolders implements UserProvisioningStep {
    public static final String SENT = "Sent";
    public static final String DRAFTS = "Drafts";
    public static final String TRASH = "Trash";
    public static final String JUNK = "Junk";
    public static final String ARCHIVE = "Archive";
    public static final List<String> NAMES = List.of(MailboxConstants.INBOX, SENT, DRAFTS, TRASH, JUNK, ARCHIVE);

    private static final Logger LOGGER = LoggerFactory.getLogger(DefaultFolders.class);

    private final MailboxManager mailboxManager;
    private final SubscriptionManager subscriptionManager;

    @Inject
    public DefaultFolders(MailboxManager mailboxManager, SubscriptionManager subscriptionManager) {
        this.mailboxManager = mailboxManager;
        this.subscriptionManager = subscriptionManager;
    }

    @Override
    public String description() {
        return "default folders";
    }

    /** Creates and subscribes the folders that are missing; existing ones are left as they are. */
    @Override
    public void provision(Username username) throws MailboxException {
        MailboxSession session = mailboxManager.createSystemSession(username);
        try {
            for (String name : NAMES) {
                MailboxPath path = MailboxPath.forUser(username, name);
                if (!Boolean.TRUE.equals(Mono.from(mailboxManager.mailboxExists(path, session)).block())) {
                    createIfAbsent(path, session);
                }
                subscriptionManager.subscribe(session, path);
            }
            LOGGER.info("Provisioned default folders for {}", username.asString());
        } finally {
            mailboxManager.endProcessingRequest(session);
        }
    }

    private void createIfAbsent(MailboxPath path, MailboxSession session) throws MailboxException {
        try {
            mailboxManager.createMailbox(path, session);
        } catch (MailboxExistsException raced) {
            // Another session (e.g. a first delivery) created it meanwhile: that is the wanted state.
        }
    }
}
