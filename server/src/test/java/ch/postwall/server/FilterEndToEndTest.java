package ch.postwall.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.filter.daemon.ClamdExtension;
import ch.postwall.filter.daemon.SpamdExtension;

/**
 * The gateway's filter chain end to end over real SMTP, with real spamd and clamd: clean mail is
 * delivered, viruses, blocked attachments and block-listed senders are refused at DATA, spam is
 * refused or quarantined per the domain's thresholds, allow-listed senders pass, SMTP smuggling fails.
 */
class FilterEndToEndTest {
    private static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";
    private static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    @RegisterExtension
    @Order(1)
    static SpamdExtension spamd = new SpamdExtension();

    @RegisterExtension
    @Order(2)
    static ClamdExtension clamd = new ClamdExtension();

    @RegisterExtension
    @Order(3)
    static PostwallServerExtension server = new PostwallServerExtension(List.of(),
        () -> TestConfiguration.scannerFilter(spamd.endpoint(), clamd.endpoint()));

    @Test
    void cleanMailShouldBeDelivered() throws Exception {
        String user = hostedUser("clean.example");
        assertThat(sendOverMx("friend@outside.example", user, "Lunch", "See you at noon.")).startsWith("250");
        await().atMost(Duration.ofSeconds(60)).until(() -> inboxCount(user) == 1);
    }

    @Test
    void virusInABase64AttachmentShouldBeRejectedAtData() throws Exception {
        String user = hostedUser("virus.example");
        String reply = sendRawOverMx("friend@outside.example", user, multipart("invoice.pdf", "application/pdf",
            EICAR.getBytes(StandardCharsets.US_ASCII)));
        assertThat(reply).startsWith("550").containsIgnoringCase("eicar");
        assertThat(inboxCount(user)).isZero();
    }

    @Test
    void executableDisguisedAsPdfShouldBeRejectedAtData() throws Exception {
        String user = hostedUser("attach.example");
        byte[] elf = new byte[256];
        System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, 0, elf, 0, 8);
        String reply = sendRawOverMx("friend@outside.example", user, multipart("report.pdf", "application/pdf", elf));
        assertThat(reply).startsWith("550");
        assertThat(inboxCount(user)).isZero();
    }

    @Test
    void gtubeShouldBeRejectedOverTheRejectThreshold() throws Exception {
        String user = hostedUser("spam.example");
        assertThat(sendOverMx("spammer@outside.example", user, "Offer", GTUBE)).startsWith("550");
        assertThat(inboxCount(user)).isZero();
    }

    @Test
    void gtubeShouldBeQuarantinedWhenTheDomainOnlyQuarantines() throws Exception {
        String user = hostedUser("quarantine.example");
        assertThat(server.webAdmin().put("/postwall/filter/policies/domains/quarantine.example",
            "{\"quarantineThreshold\": 5, \"rejectThreshold\": 100000}").statusCode()).isEqualTo(204);

        assertThat(sendOverMx("spammer@outside.example", user, "Offer", GTUBE)).startsWith("250");

        String repository = URLEncoder.encode("postwall://var/mail/quarantine/" + user, StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(60)).until(() ->
            server.webAdmin().get("/mailRepositories/" + repository + "/mails").body().contains("\""));
        assertThat(inboxCount(user)).isZero();
    }

    @Test
    void blockListedSenderShouldBeRejectedAndAllowListedSenderShouldPassTheSpamVerdict() throws Exception {
        String user = hostedUser("lists.example");
        assertThat(server.webAdmin().put("/postwall/filter/policies/domains/lists.example",
            "{\"blockList\": [\"bad.example\"], \"allowList\": [\"partner@good.example\"]}").statusCode()).isEqualTo(204);

        assertThat(sendOverMx("anyone@bad.example", user, "Hello", "innocent")).startsWith("550");
        assertThat(sendOverMx("partner@good.example", user, "Newsletter", GTUBE)).startsWith("250");
        await().atMost(Duration.ofSeconds(60)).until(() -> inboxCount(user) == 1);
    }

    @Test
    void smtpSmugglingWithBareLineFeedsShouldNotInjectASecondMessage() throws Exception {
        String user = hostedUser("smuggle.example");
        String victim = hostedUser("victim.example");
        try (LineClient smtp = new LineClient(server.server().ports().smtp)) {
            smtp.readSmtpReply();
            smtp.smtp("EHLO attacker.example");
            smtp.smtp("MAIL FROM:<attacker@outside.example>");
            smtp.smtp("RCPT TO:<" + user + ">");
            assertThat(smtp.smtp("DATA")).startsWith("354");
            smtp.send("Subject: first\r\n\r\nhello\n.\nMAIL FROM:<ceo@victim.example>\nRCPT TO:<" + victim
                + ">\nDATA\nSubject: smuggled\n\nwire the money\n.\n\r\n.\r\n");
            // Either the whole text is one message, refused, or the server drops the connection:
            // never does a bare <LF>.<LF> end the data and start a smuggled transaction.
            try {
                assertThat(smtp.readSmtpReply()).matches("(250|5\\d\\d).*");
            } catch (IllegalStateException connectionClosed) {
                assertThat(connectionClosed).hasMessageContaining("closed");
            }
        }
        Thread.sleep(3000);
        assertThat(inboxCount(victim)).isZero();
        assertThat(inboxCount(user)).isLessThanOrEqualTo(1);
    }

    private static String hostedUser(String domain) {
        String user = PostwallServerContract.uniqueUser(domain);
        server.webAdmin().createUser(user, "filter-secret");
        return user;
    }

    private static String sendOverMx(String sender, String recipient, String subject, String body) {
        return sendRawOverMx(sender, recipient, "From: " + sender + "\r\nTo: " + recipient + "\r\nSubject: " + subject
            + "\r\n\r\n" + body + "\r\n");
    }

    private static String sendRawOverMx(String sender, String recipient, String message) {
        return server.mail().sendOverMx(sender, recipient, message);
    }

    private static String multipart(String fileName, String contentType, byte[] attachment) {
        String encoded = Base64.getMimeEncoder().encodeToString(attachment);
        return "From: friend@outside.example\r\nSubject: document\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
            + "--b1\r\nContent-Type: text/plain\r\n\r\nPlease find it attached.\r\n"
            + "--b1\r\nContent-Type: " + contentType + "; name=\"" + fileName + "\"\r\n"
            + "Content-Disposition: attachment; filename=\"" + fileName + "\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n" + encoded + "\r\n--b1--\r\n";
    }

    private static int inboxCount(String user) throws Exception {
        return server.mail().countInbox(user, "filter-secret");
    }
}
