package ch.postwall.mailbox.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.exception.MailboxNotFoundException;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxId;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.store.MailboxSessionMapperFactory;
import org.apache.james.mailbox.store.mail.MailboxMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.mailbox.testing.EmbeddedBackendExtension;

/** Mailboxes looked up after a rename or a deletion are seen as they are in the real embedded database. */
class CachingJPAMailboxMapperTest {
    private static final AtomicInteger USERS = new AtomicInteger();

    @RegisterExtension
    static final EmbeddedBackendExtension server = new EmbeddedBackendExtension();

    private final MailboxManager mailboxManager = server.instance(MailboxManager.class);
    private final MailboxSessionMapperFactory mappers = server.instance(MailboxSessionMapperFactory.class);
    private final Username user = Username.of("mapper" + USERS.incrementAndGet() + "@localhost");
    private final MailboxSession session = mailboxManager.createSystemSession(user);

    @Test
    void theEmbeddedBackendShouldRememberMailboxes() {
        assertThat(mappers.getMailboxMapper(session)).isInstanceOf(CachingJPAMailboxMapper.class);
    }

    @Test
    void aRenamedMailboxShouldBeFoundUnderItsNewNameOnly() throws Exception {
        MailboxPath work = MailboxPath.forUser(user, "work");
        MailboxPath job = MailboxPath.forUser(user, "job");
        MailboxId id = mailboxManager.createMailbox(work, session).orElseThrow();
        lookUpTwice(work, id);

        mailboxManager.renameMailbox(work, job, session);

        assertThat(mapper().findMailboxByPath(work).blockOptional()).isEmpty();
        assertThat(mapper().findMailboxByPath(job).block().getMailboxId()).isEqualTo(id);
        assertThat(mapper().findMailboxById(id).block().generateAssociatedPath()).isEqualTo(job);
    }

    @Test
    void aDeletedMailboxShouldNotBeFound() throws Exception {
        MailboxPath trash = MailboxPath.forUser(user, "old");
        MailboxId id = mailboxManager.createMailbox(trash, session).orElseThrow();
        lookUpTwice(trash, id);

        mailboxManager.deleteMailbox(trash, session);

        assertThat(mapper().findMailboxByPath(trash).blockOptional()).isEmpty();
        assertThatThrownBy(() -> mapper().findMailboxById(id).block()).hasCauseInstanceOf(MailboxNotFoundException.class);
        MailboxId recreated = mailboxManager.createMailbox(trash, session).orElseThrow();
        assertThat(mapper().findMailboxByPath(trash).block().getMailboxId()).isEqualTo(recreated).isNotEqualTo(id);
    }

    @Test
    void changingAMailboxFoundShouldNotChangeTheNextOneFound() throws Exception {
        MailboxPath notes = MailboxPath.forUser(user, "notes");
        MailboxId id = mailboxManager.createMailbox(notes, session).orElseThrow();
        lookUpTwice(notes, id);

        mapper().findMailboxById(id).block().setName("elsewhere");
        mapper().findMailboxByPath(notes).block().setName("elsewhere");

        assertThat(mapper().findMailboxById(id).block().getName()).isEqualTo("notes");
        assertThat(mapper().findMailboxByPath(notes).block().getName()).isEqualTo("notes");
    }

    private void lookUpTwice(MailboxPath path, MailboxId id) {
        for (int lookUp = 0; lookUp < 2; lookUp++) {
            assertThat(mapper().findMailboxByPath(path).block().getMailboxId()).isEqualTo(id);
            assertThat(mapper().findMailboxById(id).block().generateAssociatedPath()).isEqualTo(path);
        }
    }

    /** A mapper of a session of its own each time, as each delivery and each IMAP connection has. */
    private MailboxMapper mapper() {
        return mappers.getMailboxMapper(mailboxManager.createSystemSession(user));
    }
}
