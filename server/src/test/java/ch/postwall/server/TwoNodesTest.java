package ch.postwall.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import javax.mail.Flags;
import javax.mail.Folder;
import javax.mail.Message;
import javax.mail.Store;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;
import javax.mail.search.BodyTerm;
import javax.mail.search.FlagTerm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two Postwall nodes on one Cassandra keyspace and one OpenSearch index. James's event bus is in-VM, so the search
 * index is written by the node where a change happens; since both nodes read the same index, a change made on one node
 * is searchable on the other. An IMAP session is not told of changes made on the other node while it has the mailbox
 * selected: clients see them on their next SELECT, which is what these checks do.
 */
class TwoNodesTest {
    private static final Duration PROPAGATION = Duration.ofSeconds(60);

    @RegisterExtension
    @Order(1)
    static DistributedServices deployment = new DistributedServices();
    @RegisterExtension
    @Order(2)
    static PostwallServerExtension nodeA = new PostwallServerExtension(List.of(), deployment::configure);
    @RegisterExtension
    @Order(3)
    static PostwallServerExtension nodeB = new PostwallServerExtension(List.of(), deployment::configure);

    @Test
    void mailDeliveredOnOneNodeShouldBeReadSearchedAndFlaggedOnTheOther() throws Exception {
        String alice = PostwallServerContract.uniqueUser("nodes.example");
        String bob = PostwallServerContract.uniqueUser("nodes.example");
        nodeA.webAdmin().createUser(alice, "alice-secret");
        nodeA.webAdmin().createUser(bob, "bob-secret");

        nodeA.mail().submit(alice, "alice-secret",
            message(alice, bob, "Across the cluster", "The narwhal migrates between nodes."));

        await().atMost(PROPAGATION).untilAsserted(() -> {
            try (Store store = nodeB.mail().imap(bob, "bob-secret")) {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                assertThat(inbox.search(new BodyTerm("narwhal"))).hasSize(1);
                Message received = inbox.getMessage(1);
                assertThat(received.getSubject()).isEqualTo("Across the cluster");
                assertThat(received.getContent().toString()).contains("The narwhal migrates between nodes.");
                received.setFlag(Flags.Flag.FLAGGED, true);
                inbox.close(false);
            }
        });

        await().atMost(PROPAGATION).untilAsserted(() -> {
            try (Store store = nodeA.mail().imap(bob, "bob-secret")) {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                assertThat(inbox.getMessage(1).isSet(Flags.Flag.FLAGGED)).isTrue();
                assertThat(inbox.search(new FlagTerm(new Flags(Flags.Flag.FLAGGED), true))).hasSize(1);
                assertThat(inbox.search(new FlagTerm(new Flags(Flags.Flag.FLAGGED), false))).isEmpty();
                inbox.close(false);
            }
        });
    }

    @Test
    void mailRepositoriesShouldBeSharedByTheNodes() throws Exception {
        String carol = PostwallServerContract.uniqueUser("repositories.example");
        nodeA.webAdmin().createUser(carol, "carol-secret");
        String nobody = PostwallServerContract.uniqueUser("repositories.example");

        // Submission accepts any recipient; the mailet chain files mail for an unknown local user as an address error.
        nodeA.mail().submit(carol, "carol-secret", message(carol, nobody, "To nobody", "Lost in the shared repository."));

        await().atMost(PROPAGATION).untilAsserted(() ->
            assertThat(nodeB.webAdmin().get("/mailRepositories/var%2Fmail%2Faddress-error%2F/mails").body())
                .matches("\\[\".+\"\\]"));
    }

    private static MimeMessage message(String from, String to, String subject, String text) throws Exception {
        MimeMessage message = new MimeMessage(nodeA.mail().newSession());
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(subject);
        message.setText(text);
        return message;
    }
}
