package ch.postwall.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.mail.FetchProfile;
import javax.mail.Folder;
import javax.mail.Message;
import javax.mail.Store;

import org.junit.jupiter.api.Test;

/**
 * A mail answered 250 is never lost: kill -9 the server during an SMTP load, restart, find them all. Each backend's
 * assembly runs this contract.
 */
public interface CrashRecoveryContract {
    int SENDERS = 4;
    int MINIMUM_ACCEPTED_BEFORE_CRASH = 20;

    @Test
    default void everyMessageAnswered250ShouldBeInTheMailboxAfterAKill9(PostwallServerExtension server) throws Exception {
        String recipient = PostwallServerContract.uniqueUser("crash.example");
        server.webAdmin().createUser(recipient, "crash-secret");
        String keeper = PostwallServerContract.uniqueUser("crash.example");
        server.webAdmin().createUser(keeper, "keeper-secret");
        prepareFlaggedMessageInOwnFolder(server, keeper);
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicBoolean crashed = new AtomicBoolean();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        for (int sender = 0; sender < SENDERS; sender++) {
            int id = sender;
            senders.submit(() -> sendUntilCrash(server, id, recipient, accepted, crashed));
        }
        await().atMost(Duration.ofMinutes(6)).until(() -> accepted.size() >= MINIMUM_ACCEPTED_BEFORE_CRASH);

        crashed.set(true);
        server.server().kill();
        senders.shutdown();
        assertThat(senders.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        Set<String> acceptedBeforeCrash = Set.copyOf(accepted);

        server.server().start();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
            .untilAsserted(() -> assertThat(subjectsIn(server, recipient, "crash-secret")).containsAll(acceptedBeforeCrash));
        assertFlaggedMessageKeptInOwnFolder(server, keeper);
    }

    /** Folders, flags and the search index must survive the crash as well as the mail. */
    private static void prepareFlaggedMessageInOwnFolder(PostwallServerExtension server, String user) throws Exception {
        try (Store store = server.mail().imap(user, "keeper-secret")) {
            Folder folder = store.getFolder("Keep");
            folder.create(Folder.HOLDS_MESSAGES);
            javax.mail.internet.MimeMessage message = new javax.mail.internet.MimeMessage(server.mail().newSession());
            message.setSubject("keepsake");
            message.setText("an albatross");
            message.setFlag(javax.mail.Flags.Flag.FLAGGED, true);
            folder.appendMessages(new Message[] {message});
        }
    }

    private static void assertFlaggedMessageKeptInOwnFolder(PostwallServerExtension server, String user) throws Exception {
        try (Store store = server.mail().imap(user, "keeper-secret")) {
            Folder folder = store.getFolder("Keep");
            folder.open(Folder.READ_ONLY);
            assertThat(folder.getMessageCount()).isEqualTo(1);
            assertThat(folder.getMessage(1).isSet(javax.mail.Flags.Flag.FLAGGED)).isTrue();
            assertThat(folder.search(new javax.mail.search.BodyTerm("albatross"))).hasSize(1);
            folder.close(false);
        }
    }

    private static void sendUntilCrash(PostwallServerExtension server, int sender, String recipient, Set<String> accepted, AtomicBoolean crashed) {
        int sequence = 0;
        while (!crashed.get()) {
            try (LineClient smtp = new LineClient(server.server().ports().smtp)) {
                smtp.readSmtpReply();
                smtp.smtp("EHLO load.example");
                for (int i = 0; i < 20 && !crashed.get(); i++) {
                    String subject = "crash-" + sender + "-" + sequence++;
                    smtp.smtp("MAIL FROM:<load@load.example>");
                    smtp.smtp("RCPT TO:<" + recipient + ">");
                    smtp.smtp("DATA");
                    smtp.send("From: load@load.example\r\nTo: " + recipient + "\r\nSubject: " + subject
                        + "\r\n\r\n" + "x".repeat(2000) + "\r\n.\r\n");
                    if (smtp.readSmtpReply().startsWith("250")) {
                        accepted.add(subject);
                    }
                }
            } catch (RuntimeException connectionLostInTheCrash) {
                // Whatever was not answered 250 may be lost; the client would retry it.
            }
        }
    }

    private static Set<String> subjectsIn(PostwallServerExtension server, String user, String password) throws Exception {
        try (Store store = server.mail().imap(user, password)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] messages = inbox.getMessages();
            FetchProfile profile = new FetchProfile();
            profile.add(FetchProfile.Item.ENVELOPE);
            inbox.fetch(messages, profile);
            Set<String> subjects = new HashSet<>();
            for (Message message : List.of(messages)) {
                subjects.add(message.getSubject());
            }
            inbox.close(false);
            return subjects;
        }
    }
}
