package ch.postwall.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.mail.Flags;
import javax.mail.Folder;
import javax.mail.Message;
import javax.mail.Store;
import javax.mail.UIDFolder;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;
import javax.mail.search.BodyTerm;
import javax.mail.search.FlagTerm;
import javax.mail.search.SubjectTerm;

import org.junit.jupiter.api.Test;

import com.sun.mail.imap.IMAPFolder;

/**
 * What every Postwall assembly must do for a user, over the real protocols, against a server process
 * started like a user starts it. Each backend's assembly runs this same contract.
 */
public interface PostwallServerContract {
    Duration DELIVERY = Duration.ofSeconds(60);

    static String uniqueUser(String domain) {
        return "u" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
    }

    @Test
    default void mailShouldBeDeliveredSearchableAndSurviveRestart(PostwallServerExtension extension) throws Exception {
        String alice = uniqueUser("example.com");
        String bob = uniqueUser("example.com");
        extension.webAdmin().createUser(alice, "alice-secret");
        extension.webAdmin().createUser(bob, "bob-secret");
        MailClients mail = extension.mail();

        MimeMessage message = new MimeMessage(mail.newSession());
        message.setFrom(new InternetAddress(alice));
        message.setRecipients(Message.RecipientType.TO, bob);
        message.setSubject("Quarterly figures");
        message.setText("The zeppelin report is attached in spirit.");
        mail.submit(alice, "alice-secret", message);

        await().atMost(DELIVERY).until(() -> countIn(mail, bob, "bob-secret", "INBOX") == 1);

        try (Store store = mail.imap(bob, "bob-secret")) {
            Folder projects = store.getFolder("Projects");
            assertThat(projects.create(Folder.HOLDS_MESSAGES)).isTrue();
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message received = inbox.getMessage(1);
            assertThat(received.getSubject()).isEqualTo("Quarterly figures");
            assertThat(received.getFrom()).extracting(Object::toString).containsExactly(alice);
            assertThat(inbox.search(new SubjectTerm("quarterly"))).hasSize(1);
            assertThat(inbox.search(new BodyTerm("zeppelin"))).hasSize(1);
            assertThat(inbox.search(new BodyTerm("submarine"))).isEmpty();
            received.setFlag(Flags.Flag.FLAGGED, true);
            inbox.copyMessages(new Message[] {received}, projects);
            inbox.close(false);
        }
        // Mail sent by a user is kept too: the submission lands in the sender's Sent folder.
        await().atMost(DELIVERY).until(() -> countIn(mail, alice, "alice-secret", "Sent") == 1);

        extension.server().restart();

        try (Store store = mail.imap(bob, "bob-secret")) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isEqualTo(1);
            Message kept = inbox.getMessage(1);
            assertThat(kept.isSet(Flags.Flag.FLAGGED)).isTrue();
            assertThat(bodyOf(kept)).contains("The zeppelin report is attached in spirit.");
            assertThat(inbox.search(new BodyTerm("zeppelin"))).hasSize(1);
            assertThat(inbox.search(new FlagTerm(new Flags(Flags.Flag.FLAGGED), true))).hasSize(1);
            assertThat(((UIDFolder) inbox).getUID(kept)).isEqualTo(1L);
            inbox.close(false);
            Folder projects = store.getFolder("Projects");
            assertThat(projects.exists()).isTrue();
            projects.open(Folder.READ_ONLY);
            assertThat(projects.getMessageCount()).isEqualTo(1);
            projects.close(false);
        }
        assertThat(countIn(mail, alice, "alice-secret", "Sent")).isEqualTo(1);
    }

    @Test
    default void newUserShouldHaveStandardFoldersWithSpecialUse(PostwallServerExtension extension) {
        String user = uniqueUser("folders.example");
        extension.webAdmin().createUser(user, "folder-secret");
        try (LineClient imap = loggedInImap(extension, user, "folder-secret")) {
            imap.sendLine("c LIST \"\" \"*\" RETURN (SPECIAL-USE)");
            List<String> listing = imap.readImapResponse("c");
            assertThat(listing).anyMatch(line -> line.contains("\\Sent") && line.endsWith("\"Sent\""))
                .anyMatch(line -> line.contains("\\Drafts") && line.endsWith("\"Drafts\""))
                .anyMatch(line -> line.contains("\\Trash") && line.endsWith("\"Trash\""))
                .anyMatch(line -> line.contains("\\Junk") && line.endsWith("\"Junk\""))
                .anyMatch(line -> line.contains("\\Archive") && line.endsWith("\"Archive\""))
                .anyMatch(line -> line.endsWith("\"INBOX\""));
        }
    }

    @Test
    default void webAdminShouldRefuseRequestsWithoutTheAdminCredential(PostwallServerExtension extension) {
        WebAdminClient webAdmin = extension.webAdmin();
        assertThat(webAdmin.withoutCredentials().put("/domains/intruder.example", null).statusCode()).isEqualTo(401);
        assertThat(webAdmin.withAuthorization("Basic YWRtaW46d3Jvbmc=").get("/domains").statusCode()).isEqualTo(401);
        assertThat(webAdmin.get("/domains").body()).doesNotContain("intruder.example");
    }

    @Test
    default void mxPortShouldAcceptHostedRecipientsOnlyAndNeverRelay(PostwallServerExtension extension) {
        String hosted = uniqueUser("relay.example");
        extension.webAdmin().createUser(hosted, "relay-secret");
        try (LineClient smtp = new LineClient(extension.server().ports().smtp)) {
            assertThat(smtp.readSmtpReply()).startsWith("220");
            assertThat(smtp.smtp("EHLO outside.example")).startsWith("250");
            assertThat(smtp.smtp("MAIL FROM:<someone@outside.example>")).startsWith("250");
            assertThat(smtp.smtp("RCPT TO:<victim@elsewhere.example>")).startsWith("550 5.7.1").contains("relaying denied");
            assertThat(smtp.smtp("RCPT TO:<nobody@relay.example>")).startsWith("550");
            assertThat(smtp.smtp("RCPT TO:<" + hosted + ">")).startsWith("250");
        }
    }

    @Test
    default void submissionShouldOfferAuthOnlyAfterStartTlsAndRequireIt(PostwallServerExtension extension) {
        try (LineClient smtp = new LineClient(extension.server().ports().submission)) {
            assertThat(smtp.readSmtpReply()).startsWith("220");
            smtp.sendLine("EHLO client.example");
            StringBuilder capabilities = new StringBuilder();
            String line;
            do {
                line = smtp.readLine();
                capabilities.append(line).append('\n');
            } while (line.charAt(3) == '-');
            assertThat(capabilities.toString()).contains("STARTTLS").doesNotContain("AUTH");
            assertThat(smtp.smtp("AUTH PLAIN AGFsaWNlAHNlY3JldA==")).matches("5\\d\\d.*");
            assertThat(smtp.smtp("MAIL FROM:<alice@example.com>")).startsWith("530");
            assertThat(smtp.smtp("STARTTLS")).startsWith("220");
            smtp.startTls(extension.mail().trustingServerCertificate());
            smtp.sendLine("EHLO client.example");
            StringBuilder secured = new StringBuilder();
            do {
                line = smtp.readLine();
                secured.append(line).append('\n');
            } while (line.charAt(3) == '-');
            assertThat(secured.toString()).contains("AUTH");
            assertThat(smtp.smtp("MAIL FROM:<alice@example.com>")).startsWith("530");
        }
    }

    @Test
    default void imapShouldRefuseLoginBeforeStartTls(PostwallServerExtension extension) {
        String user = uniqueUser("imap.example");
        extension.webAdmin().createUser(user, "imap-secret");
        try (LineClient imap = new LineClient(extension.server().ports().imap)) {
            imap.readLine();
            imap.sendLine("a LOGIN " + user + " imap-secret");
            assertThat(imap.readImapResponse("a")).last().asString().startsWith("a NO");
        }
    }

    @Test
    default void malformedInputShouldGetProtocolErrorsAndLeaveTheServerServing(PostwallServerExtension extension) {
        try (LineClient smtp = new LineClient(extension.server().ports().smtp)) {
            smtp.readSmtpReply();
            assertThat(smtp.smtp("EHLO")).matches("5\\d\\d.*");
            assertThat(smtp.smtp("MAIL FROM:<not an address")).matches("5\\d\\d.*");
            assertThat(smtp.smtp("DATA")).matches("5\\d\\d.*");
            assertThat(smtp.smtp("XYZZY \u0000\u00ff")).matches("5\\d\\d.*");
            assertThat(smtp.smtp("NOOP")).startsWith("250");
        }
        String user = uniqueUser("hostile.example");
        extension.webAdmin().createUser(user, "hostile-secret");
        try (LineClient imap = loggedInImap(extension, user, "hostile-secret")) {
            imap.sendLine("c FROBNICATE");
            assertThat(imap.readImapResponse("c")).last().asString().startsWith("c BAD");
            imap.sendLine("d SELECT");
            assertThat(imap.readImapResponse("d")).last().asString().startsWith("d BAD");
            imap.sendLine("e FETCH 1:* (BODY[");
            assertThat(imap.readImapResponse("e")).last().asString().matches("e (BAD|NO).*");
            imap.sendLine("f NOOP");
            assertThat(imap.readImapResponse("f")).last().asString().startsWith("f OK");
        }
        // Garbage before authentication ends the session (James's defence against scanners)...
        try (LineClient imap = new LineClient(extension.server().ports().imap)) {
            imap.readLine();
            imap.sendLine("a \u0000\u00ff GARBAGE");
            assertThatThrownBy(() -> imap.readImapResponse("a")).isInstanceOf(IllegalStateException.class);
        }
        // ...and the server goes on serving everybody else.
        try (LineClient imap = loggedInImap(extension, user, "hostile-secret")) {
            imap.sendLine("g NOOP");
            assertThat(imap.readImapResponse("g")).last().asString().startsWith("g OK");
        }
    }

    static LineClient loggedInImap(PostwallServerExtension extension, String user, String password) {
        LineClient imap = new LineClient(extension.server().ports().imap);
        imap.readLine();
        imap.sendLine("a STARTTLS");
        assertThat(imap.readImapResponse("a")).last().asString().startsWith("a OK");
        imap.startTls(extension.mail().trustingServerCertificate());
        imap.sendLine("b LOGIN " + user + " " + password);
        assertThat(imap.readImapResponse("b")).last().asString().startsWith("b OK");
        return imap;
    }

    @Test
    default void implicitTlsPortsShouldNegotiateTls12OrLater(PostwallServerExtension extension) throws Exception {
        PostwallPorts ports = extension.server().ports();
        for (int port : new int[] {ports.submissions, ports.imaps, ports.pop3s}) {
            try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) extension.mail().trustingServerCertificate()
                    .createSocket("127.0.0.1", port)) {
                socket.setSoTimeout(30_000);
                socket.startHandshake();
                assertThat(socket.getSession().getProtocol()).isIn("TLSv1.2", "TLSv1.3");
                String greeting = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
                assertThat(greeting).matches("(220|\\* OK|\\+OK).*");
            }
        }
    }

    @Test
    default void pop3ShouldServeTheInboxAfterStls(PostwallServerExtension extension) throws Exception {
        String user = uniqueUser("pop.example");
        extension.webAdmin().createUser(user, "pop-secret");
        deliverOverLmtp(extension, user, "Over LMTP");
        try (LineClient pop = new LineClient(extension.server().ports().pop3)) {
            assertThat(pop.readLine()).startsWith("+OK");
            pop.sendLine("STLS");
            assertThat(pop.readLine()).startsWith("+OK");
            pop.startTls(extension.mail().trustingServerCertificate());
            pop.sendLine("USER " + user);
            assertThat(pop.readLine()).startsWith("+OK");
            pop.sendLine("PASS pop-secret");
            assertThat(pop.readLine()).startsWith("+OK");
            pop.sendLine("STAT");
            assertThat(pop.readLine()).startsWith("+OK 1 ");
            pop.sendLine("QUIT");
        }
    }

    /** LMTP on loopback: the way another MTA on the machine hands mail over for final delivery. */
    private static void deliverOverLmtp(PostwallServerExtension extension, String recipient, String subject) {
        try (LineClient lmtp = new LineClient(extension.server().ports().lmtp)) {
            assertThat(lmtp.readSmtpReply()).startsWith("220");
            assertThat(lmtp.smtp("LHLO mta.example")).startsWith("250");
            assertThat(lmtp.smtp("MAIL FROM:<sender@mta.example>")).startsWith("250");
            assertThat(lmtp.smtp("RCPT TO:<" + recipient + ">")).startsWith("250");
            assertThat(lmtp.smtp("DATA")).startsWith("354");
            lmtp.send("From: sender@mta.example\r\nTo: " + recipient + "\r\nSubject: " + subject + "\r\n\r\nhello\r\n.\r\n");
            assertThat(lmtp.readSmtpReply()).startsWith("250");
        }
    }

    private static int countIn(MailClients mail, String user, String password, String folderName) throws Exception {
        try (Store store = mail.imap(user, password)) {
            Folder folder = store.getFolder(folderName);
            folder.open(Folder.READ_ONLY);
            int count = folder.getMessageCount();
            folder.close(false);
            return count;
        }
    }

    private static String bodyOf(Message message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
