package ch.postwall.mailbox.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.inject.Inject;
import javax.mail.util.SharedByteArrayInputStream;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.cassandra.CassandraMailboxManager;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.MailboxMetaData;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.MessageResult;
import org.apache.james.mailbox.model.search.MailboxQuery;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.utils.GuiceProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import reactor.core.publisher.Flux;

/** Boots James's stores through {@link CassandraBackendModules#ALL} on a real Cassandra and uses them. */
class CassandraBackendModulesTest {
    private static final Domain DOMAIN = Domain.of("postwall.test");
    private static final Username ALICE = Username.fromLocalPartWithDomain("alice", DOMAIN);

    @RegisterExtension
    static CassandraJamesServerExtension james = new CassandraJamesServerExtension(
        CassandraJamesServerExtension.registerProbe(StoresProbe.class));

    /** Hands the test what the server's injector built. */
    static class StoresProbe implements GuiceProbe {
        final MailboxManager mailboxManager;
        final UsersRepository usersRepository;
        final DomainList domainList;

        @Inject
        StoresProbe(MailboxManager mailboxManager, UsersRepository usersRepository, DomainList domainList) {
            this.mailboxManager = mailboxManager;
            this.usersRepository = usersRepository;
            this.domainList = domainList;
        }
    }

    @Test
    void mailboxManagerShouldBeTheCassandraOneWhenBootedFromTheModules() {
        assertThat(stores().mailboxManager).isInstanceOf(CassandraMailboxManager.class);
    }

    @Test
    void appendedMessageShouldBeListedAndFetchedWhenStoredInCassandra() throws Exception {
        MailboxManager mailboxManager = stores().mailboxManager;
        MailboxSession session = mailboxManager.createSystemSession(ALICE);
        MailboxPath inbox = MailboxPath.inbox(ALICE);
        mailboxManager.createMailbox(inbox, session);
        byte[] message = "Subject: hello\r\nFrom: bob@postwall.test\r\n\r\nBody stored in Cassandra\r\n"
            .getBytes(StandardCharsets.US_ASCII);

        MessageManager messageManager = mailboxManager.getMailbox(inbox, session);
        messageManager.appendMessage(MessageManager.AppendCommand.from(new SharedByteArrayInputStream(message)), session);

        List<MailboxMetaData> mailboxes = Flux.from(mailboxManager.search(
            MailboxQuery.privateMailboxesBuilder(session).build(), session)).collectList().block();
        assertThat(mailboxes).extracting(MailboxMetaData::getPath).containsExactly(inbox);
        List<MessageResult> fetched = Flux.from(messageManager.getMessagesReactive(MessageRange.all(), FetchGroup.FULL_CONTENT, session))
            .collectList().block();
        assertThat(fetched).hasSize(1);
        assertThat(fetched.get(0).getFullContent().getInputStream()).hasBinaryContent(message);
    }

    @Test
    void usersAndDomainsShouldRoundTripWhenStoredInCassandra() throws Exception {
        Domain other = Domain.of("other.test");
        Username bob = Username.fromLocalPartWithDomain("bob", other);
        stores().domainList.addDomain(other);
        stores().usersRepository.addUser(bob, "secret");

        assertThat(stores().domainList.containsDomain(other)).isTrue();
        assertThat(stores().usersRepository.contains(bob)).isTrue();
        assertThat(stores().usersRepository.test(bob, "secret")).isTrue();
        assertThat(stores().usersRepository.test(bob, "wrong")).isFalse();
    }

    private static StoresProbe stores() {
        return james.probe(StoresProbe.class);
    }
}
