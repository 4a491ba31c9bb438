package ch.postwall.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import javax.mail.Folder;
import javax.mail.Store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calendars as a user meets them: an account created over WebAdmin, then Debian's python3-caldav
 * discovering the server through /.well-known/caldav with the mail credentials, over the HTTPS the
 * server set up itself (the self-signed certificate of its first start, verified by the client).
 */
class CalendarEndToEndTest {
    private static final String PYTHON = "/usr/bin/python3";

    @RegisterExtension
    static PostwallServerExtension server = new PostwallServerExtension();

    @Test
    void userShouldManageCalendarsWithTheMailCredentialsAndReceiveInvitationsBySmtp() throws Exception {
        String alice = PostwallServerContract.uniqueUser("calendar.example");
        String bob = PostwallServerContract.uniqueUser("calendar.example");
        server.webAdmin().createUser(alice, "alice-secret");
        server.webAdmin().createUser(bob, "bob-secret");
        sendInvitation(alice);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
            .until(() -> inboxSize(alice, "alice-secret") == 1);

        Map<String, Object> outcome = runScenario(alice, "alice-secret", bob, "bob-secret");

        assertThat(outcome.get("wrong_password")).asString().startsWith("refused");
        assertThat(outcome.get("default_collections")).isEqualTo(Map.of(
            "calendar", List.of("VEVENT"),
            "tasks", List.of("VTODO")));
        assertThat(outcome.get("invitations")).isEqualTo(List.of("board-meeting@organizer.example"));
        assertThat(outcome).containsEntry("created_listed", true)
            .containsEntry("in_range", List.of("kickoff"))
            .containsEntry("out_of_range", List.of())
            .containsEntry("update_stale_etag", 412)
            .containsEntry("updated", true)
            .containsEntry("get_after_delete", 404);
        assertThat((Integer) outcome.get("update_current_etag")).isBetween(200, 299);
        assertThat((Integer) outcome.get("delete")).isBetween(200, 299);
        assertThat(List.of(outcome.get("other_user_get"), outcome.get("other_user_propfind"), outcome.get("other_user_delete")))
            .allSatisfy(status -> assertThat(status).isIn(403, 404));
    }

    /** An iMIP REQUEST from an outside organiser, over plain SMTP on port 25 as another server sends it. */
    private static void sendInvitation(String attendee) {
        String calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Organizer//EN\r\nMETHOD:REQUEST\r\n"
            + "BEGIN:VEVENT\r\nUID:board-meeting@organizer.example\r\nDTSTAMP:20260101T000000Z\r\nSEQUENCE:0\r\n"
            + "DTSTART:20260310T090000Z\r\nDTEND:20260310T100000Z\r\nSUMMARY:Board meeting\r\n"
            + "ORGANIZER:mailto:carol@organizer.example\r\nATTENDEE:mailto:" + attendee + "\r\n"
            + "END:VEVENT\r\nEND:VCALENDAR\r\n";
        try (LineClient smtp = new LineClient(server.server().ports().smtp)) {
            smtp.readSmtpReply();
            smtp.smtp("EHLO organizer.example");
            assertThat(smtp.smtp("MAIL FROM:<carol@organizer.example>")).startsWith("250");
            assertThat(smtp.smtp("RCPT TO:<" + attendee + ">")).startsWith("250");
            assertThat(smtp.smtp("DATA")).startsWith("354");
            smtp.send("From: carol@organizer.example\r\nTo: " + attendee + "\r\nSubject: Invitation: Board meeting\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nYou are invited.\r\n"
                + "--b1\r\nContent-Type: text/calendar; charset=utf-8; method=REQUEST\r\n\r\n" + calendar
                + "--b1--\r\n.\r\n");
            assertThat(smtp.readSmtpReply()).startsWith("250");
        }
    }

    private static int inboxSize(String user, String password) throws Exception {
        try (Store store = server.mail().imap(user, password)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return inbox.getMessageCount();
            } finally {
                inbox.close(false);
            }
        }
    }

    private static Map<String, Object> runScenario(String user, String password, String other, String otherPassword)
            throws IOException, InterruptedException, URISyntaxException {
        Path script = Path.of(CalendarEndToEndTest.class.getResource("/caldav/account_scenario.py").toURI());
        Path certificate = server.server().dataDirectory().resolve("tls").resolve("selfsigned-cert.pem");
        Process process = new ProcessBuilder(PYTHON, script.toString(), "https://localhost:" + server.server().ports().calDav + "/",
            certificate.toString(), user, password, other, otherPassword)
            .redirectErrorStream(false)
            .start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IOException("python3-caldav scenario timed out");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("scenario printed %s and %s; server log: %s", output, errors,
            server.server().logTail()).isZero();
        return new ObjectMapper().readValue(output, new TypeReference<TreeMap<String, Object>>() { });
    }
}
