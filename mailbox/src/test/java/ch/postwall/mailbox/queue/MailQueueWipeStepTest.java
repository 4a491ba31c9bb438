package ch.postwall.mailbox.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.james.server.core.MailImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.inject.Key;
import com.google.inject.TypeLiteral;

import ch.postwall.mailbox.lifecycle.WipeStep;
import ch.postwall.mailbox.testing.BackendTestServer;

/** On the file queue of the embedded backend, in a queue of its own that no spooler consumes. */
class MailQueueWipeStepTest {
    private static final Username ALICE = Username.of("alice@example.com");
    private static final MailQueueName QUEUE = MailQueueName.of("wipe-test");

    private static BackendTestServer server;
    private static ManageableMailQueue queue;
    private static WipeStep step;

    @BeforeAll
    static void start() throws Exception {
        server = BackendTestServer.embedded();
        MailQueueFactory<? extends ManageableMailQueue> factory = server.instance(
            Key.get(new TypeLiteral<MailQueueFactory<? extends ManageableMailQueue>>() { }));
        queue = factory.createQueue(QUEUE);
        step = server.instance(MailQueueWipeStep.class);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static void enqueue(String name, String... recipients) throws Exception {
        queue.enQueue(MailImpl.builder()
            .name(name)
            .sender("sender@example.net")
            .addRecipients(recipients)
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject(name).setText("private"))
            .build());
    }

    private static Map<String, List<MailAddress>> queued() throws Exception {
        Map<String, List<MailAddress>> mails = new TreeMap<>();
        ManageableMailQueue.MailQueueIterator items = queue.browse();
        try {
            items.forEachRemaining(item -> mails.put(item.getMail().getName(), new ArrayList<>(item.getMail().getRecipients())));
        } finally {
            items.close();
        }
        return mails;
    }

    @Test
    void wipeShouldRemoveTheSubjectsMailAndRequeueTheOtherRecipientsCopy() throws Exception {
        enqueue("alone", "alice@example.com");
        enqueue("shared", "alice@example.com", "bob@example.com");
        enqueue("others", "carol@other.org");

        assertThat(step.wipeUser(ALICE).total()).isEqualTo(2);
        assertThat(queued()).containsOnlyKeys("shared", "others")
            .containsEntry("shared", List.of(new MailAddress("bob@example.com")));

        assertThat(step.wipeUser(ALICE).total()).isZero();
        assertThat(step.wipeDomain(Domain.of("other.org")).total()).isEqualTo(1);
        assertThat(step.wipeDomain(Domain.of("example.com")).total()).isEqualTo(1);
        assertThat(queued()).isEmpty();
    }
}
