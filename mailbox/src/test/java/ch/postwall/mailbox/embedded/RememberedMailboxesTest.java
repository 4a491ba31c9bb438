package ch.postwall.mailbox.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.james.core.Username;
import org.apache.james.mailbox.jpa.JPAId;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.UidValidity;
import org.junit.jupiter.api.Test;

class RememberedMailboxesTest {
    private static final MailboxPath INBOX = MailboxPath.inbox(Username.of("bob@localhost"));
    private static final Mailbox MAILBOX = new Mailbox(INBOX, UidValidity.of(7), JPAId.of(12));

    private final RememberedMailboxes remembered = new RememberedMailboxes();

    @Test
    void aMailboxReadShouldBeFoundByIdAndByPathUntilForgotten() {
        remembered.remember(remembered.version(), MAILBOX);

        assertThat(remembered.byId(MAILBOX.getMailboxId())).contains(MAILBOX);
        assertThat(remembered.byPath(INBOX)).contains(MAILBOX);

        remembered.forgetAll();

        assertThat(remembered.byId(MAILBOX.getMailboxId())).isEmpty();
        assertThat(remembered.byPath(INBOX)).isEmpty();
    }

    @Test
    void aReadThatStartedBeforeAChangeShouldNotBeRemembered() {
        long versionBeforeRead = remembered.version();
        remembered.forgetAll();

        remembered.remember(versionBeforeRead, MAILBOX);

        assertThat(remembered.byId(MAILBOX.getMailboxId())).isEmpty();
        assertThat(remembered.byPath(INBOX)).isEmpty();
    }
}
