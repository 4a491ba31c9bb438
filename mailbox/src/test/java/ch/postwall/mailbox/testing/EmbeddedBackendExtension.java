package ch.postwall.mailbox.testing;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.MailboxPath;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.google.inject.Key;

/** One embedded {@link BackendTestServer} for all tests of a class; register it as a static field. */
public class EmbeddedBackendExtension implements BeforeAllCallback, AfterAllCallback {
    private BackendTestServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = BackendTestServer.embedded();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        server.close();
    }

    public <T> T instance(Class<T> type) {
        return server.instance(type);
    }

    public <T> T instance(Key<T> key) {
        return server.instance(key);
    }

    /** Creates the user's INBOX and opens it in a system session of the user's. */
    public Inbox createInbox(Username user) throws MailboxException {
        MailboxManager mailboxManager = instance(MailboxManager.class);
        MailboxSession session = mailboxManager.createSystemSession(user);
        MailboxPath path = MailboxPath.inbox(user);
        mailboxManager.createMailbox(path, session);
        return new Inbox(session, path, mailboxManager.getMailbox(path, session));
    }

    public record Inbox(MailboxSession session, MailboxPath path, MessageManager messages) {
    }
}
