package ch.postwall.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.mail.Folder;
import javax.mail.Message;
import javax.mail.Store;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.filter.gateway.FakeSmtpTarget;

/** Gateway domains over real SMTP: relayed to the customer's own server, or a headers-only notice. */
class GatewayEndToEndTest {
    @RegisterExtension
    static PostwallServerExtension server = new PostwallServerExtension();

    @Test
    void mailForAGatewayDomainShouldBeRelayedToTheCustomerServer() throws Exception {
        try (FakeSmtpTarget target = FakeSmtpTarget.start()) {
            assertThat(server.webAdmin().put("/gateway/routes/customer.example",
                "{\"host\":\"127.0.0.1\",\"port\":" + target.port() + ",\"tlsPolicy\":\"none\"}").statusCode()).isEqualTo(204);

            try (LineClient smtp = new LineClient(server.server().ports().smtp)) {
                smtp.readSmtpReply();
                smtp.smtp("EHLO sender.example");
                assertThat(smtp.smtp("MAIL FROM:<someone@sender.example>")).startsWith("250");
                assertThat(smtp.smtp("RCPT TO:<bob@customer.example>")).startsWith("250");
                assertThat(smtp.smtp("DATA")).startsWith("354");
                smtp.send("From: someone@sender.example\r\nTo: bob@customer.example\r\nSubject: for the customer\r\n\r\nrelay me\r\n.\r\n");
                assertThat(smtp.readSmtpReply()).startsWith("250");
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> !target.received().isEmpty());
            FakeSmtpTarget.Received received = target.received().get(0);
            assertThat(received.sender()).isEqualTo("someone@sender.example");
            assertThat(received.recipients()).containsExactly("bob@customer.example");
            assertThat(received.data()).contains("Subject: for the customer").contains("relay me");
        }
    }

    @Test
    void senderShouldGetAHeadersOnlyNoticeWhenTheCustomerServerStaysDown() throws Exception {
        String alice = PostwallServerContract.uniqueUser("home.example");
        server.webAdmin().createUser(alice, "alice-secret");
        int closedPort = FreePorts.next();
        assertThat(server.webAdmin().put("/gateway/routes/down.example",
            "{\"host\":\"127.0.0.1\",\"port\":" + closedPort + ",\"tlsPolicy\":\"none\",\"retryPeriod\":\"4s\",\"retrySchedule\":[\"1s\"]}")
            .statusCode()).isEqualTo(204);

        MimeMessage message = new MimeMessage(server.mail().newSession());
        message.setFrom(new InternetAddress(alice));
        message.setRecipients(Message.RecipientType.TO, "carol@down.example");
        message.setSubject("Contract draft");
        message.setText("confidential clause seven");
        server.mail().submit(alice, "alice-secret", message);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
            .until(() -> inboxOf(alice, "alice-secret").contains("Contract draft"));
        String notice = inboxOf(alice, "alice-secret");
        assertThat(notice).contains("carol@down.example");
        assertThat(notice).doesNotContain("confidential clause seven");
    }

    private static String inboxOf(String user, String password) throws Exception {
        try (Store store = server.mail().imap(user, password)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (Message message : inbox.getMessages()) {
                message.writeTo(all);
            }
            inbox.close(false);
            return all.toString(StandardCharsets.UTF_8);
        }
    }
}
