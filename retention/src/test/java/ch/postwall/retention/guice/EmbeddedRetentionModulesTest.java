package ch.postwall.retention.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.user.api.UsersRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ch.postwall.mailbox.testing.BackendTestServer;
import ch.postwall.retention.access.AccessEntry;
import ch.postwall.retention.access.AccessLogStore;
import ch.postwall.retention.access.AccessLoggingUsersRepository;
import ch.postwall.retention.access.AccessType;
import ch.postwall.retention.enforcement.RetentionEnforcement;
import ch.postwall.retention.policy.RetentionChoice;
import ch.postwall.retention.policy.RetentionPolicyStore;
import reactor.core.publisher.Mono;

/** The retention modules on the embedded backend, installed the way the server assembly must install them. */
class EmbeddedRetentionModulesTest {
    private static final Domain DOMAIN = Domain.of("postwall.test");
    private static final Username ALICE = Username.fromLocalPartWithDomain("alice", DOMAIN);

    private static BackendTestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = BackendTestServer.embedded(new EmbeddedRetentionPolicyModule(), new AccessLogModule(), new EmbeddedAccessLogModule(),
            new AccessLogCaptureModule(), new RetentionEnforcementModule());
        server.instance(DomainList.class).addDomain(DOMAIN);
        server.instance(UsersRepository.class).addUser(ALICE, "secret");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void usersRepositoryShouldRecordLoginsAndStillCreateTheDefaultFolders() throws Exception {
        UsersRepository usersRepository = server.instance(UsersRepository.class);
        MailboxManager mailboxManager = server.instance(MailboxManager.class);

        usersRepository.test(ALICE, "wrong");

        assertThat(usersRepository).isInstanceOf(AccessLoggingUsersRepository.class);
        assertThat(server.instance(AccessLogStore.class).listByUser(ALICE, 10))
            .extracting(AccessEntry::type, AccessEntry::succeeded)
            .containsExactly(tuple(AccessType.OTHER, false));
        assertThat(Mono.from(mailboxManager.mailboxExists(MailboxPath.forUser(ALICE, "Trash"),
            mailboxManager.createSystemSession(ALICE))).block()).isTrue();
    }

    @Test
    void enforcementShouldRunTheMailboxStepWithTheStoredPolicies() {
        server.instance(RetentionPolicyStore.class).choose(ALICE, RetentionChoice.mailFolder("Trash", Duration.ofDays(30)));

        assertThat(server.instance(RetentionEnforcement.class).enforce(ALICE).counts()).containsEntry("messages", 0L);
    }
}
