package ch.postwall.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import javax.mail.Store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Retention, access log and contract termination as an operator and users meet them in the running server: the
 * WebAdmin routes, every login and HTTP request in the access log, 550 for a terminated user, and the deletion
 * report once the export window closed, the retention of a folder over IMAP METADATA. The wipe runs every second here.
 */
class RetentionEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static PostwallServerExtension server = new PostwallServerExtension(List.of(), configuration ->
        TestConfiguration.setProperties(configuration.resolve("retention.properties"),
            Map.of("enforcement.delay", "1s", "wipe.interval", "1s")));

    @Test
    void accessLogShouldRecordImapLoginsCalDavRequestsAndWebAdminCallsWithTheirOutcome() throws Exception {
        String alice = PostwallServerContract.uniqueUser("access.example");
        server.webAdmin().createUser(alice, "alice-secret");

        try (Store store = server.mail().imap(alice, "alice-secret")) {
            assertThat(store.isConnected()).isTrue();
        }
        assertThat(calDav(alice, "alice-secret").statusCode()).isLessThan(400);
        assertThat(calDav(alice, "not-her-password").statusCode()).isEqualTo(401);
        assertThat(server.webAdmin().withAuthorization(basic("admin", "not-the-password")).get("/domains").statusCode())
            .isEqualTo(401);

        assertThat(accessLog("users/" + alice))
            .extracting(entry -> entry.get("type"), entry -> entry.get("failureReason"))
            .contains(tuple("IMAP", null), tuple("CALDAV", null), tuple("CALDAV", "invalid credentials"))
            .doesNotContain(tuple("OTHER", null));
        assertThat(accessLog("users/" + alice)).filteredOn(entry -> entry.get("type").equals("IMAP"))
            .extracting(entry -> entry.get("remoteIp")).containsOnly("127.0.0.1");
        assertThat(accessLog("users/admin"))
            .extracting(entry -> entry.get("type"), entry -> entry.get("failureReason"))
            .contains(tuple("WEBADMIN", null), tuple("WEBADMIN", "invalid credentials"));
        assertThat(server.server().log()).doesNotContain("not-her-password").doesNotContain("alice-secret");
    }

    @Test
    void limitsShouldBeSetOverWebAdminAndInvalidOnesRefusedNamingTheParameter() {
        String domain = "limits.example";
        server.webAdmin().createUser("someone@" + domain, "secret-1");

        HttpResponse<String> refused = server.webAdmin().put("/postwall/retention/limits/" + domain
            + "?mailMinimumDays=30&mailMaximumDays=7", null);
        HttpResponse<String> accepted = server.webAdmin().put("/postwall/retention/limits/" + domain
            + "?mailMinimumDays=7&mailMaximumDays=730&calendarMaximumDays=3650", null);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("mailMinimumDays must not exceed mailMaximumDays");
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(server.webAdmin().get("/postwall/retention/limits/" + domain).body()).isEqualTo(
            "{\"mail\":{\"minimumDays\":7,\"maximumDays\":730},\"calendar\":{\"minimumDays\":null,\"maximumDays\":3650}}");
    }

    @Test
    void terminatedUserShouldBeRefusedMailAndWipedWithADeletionReportWhenTheWindowCloses() throws Exception {
        String bob = PostwallServerContract.uniqueUser("contract.example");
        String carol = PostwallServerContract.uniqueUser("contract.example");
        server.webAdmin().createUser(bob, "bob-secret");
        server.webAdmin().createUser(carol, "carol-secret");

        assertThat(server.webAdmin().put("/postwall/retention/terminations/users/" + bob + "?exportWindowDays=30", null)
            .statusCode()).isEqualTo(200);
        assertThat(server.webAdmin().put("/postwall/retention/terminations/users/" + carol + "?exportWindowDays=0", null)
            .statusCode()).isEqualTo(200);

        try (LineClient smtp = new LineClient(server.server().ports().smtp)) {
            smtp.readSmtpReply();
            smtp.smtp("EHLO sender.example");
            assertThat(smtp.smtp("MAIL FROM:<someone@sender.example>")).startsWith("250");
            assertThat(smtp.smtp("RCPT TO:<" + bob + ">")).startsWith("550");
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
            .until(() -> server.webAdmin().get("/postwall/retention/deletion-reports").body().contains(carol));
        assertThat(server.webAdmin().get("/users/" + carol).statusCode()).isEqualTo(404);
        assertThat(server.webAdmin().get("/postwall/retention/deletion-reports").body()).doesNotContain(bob);
    }

    @Test
    void enforcementOnDemandShouldDeleteMessagesOlderThanTheFolderRetention() throws Exception {
        String erin = "erin@enforce.example";
        server.webAdmin().createUser(erin, "erin-secret");
        assertThat(server.webAdmin().put("/postwall/retention/limits/enforce.example?mailMaximumDays=365", null).statusCode())
            .isEqualTo(200);
        try (LineClient imap = PostwallServerContract.loggedInImap(server, erin, "erin-secret")) {
            append(imap, "c", null, "Subject: from today\r\n\r\nnew\r\n");
        }
        // A first run, so that the scheduled one (1 s after the start here, then daily) is past before the old message exists.
        assertThat(server.webAdmin().post("/postwall/retention/enforcement", null).statusCode()).isEqualTo(200);
        try (LineClient imap = PostwallServerContract.loggedInImap(server, erin, "erin-secret")) {
            append(imap, "c", "01-Jan-2020 10:00:00 +0000", "Subject: from 2020\r\n\r\nold\r\n");
        }

        HttpResponse<String> enforced = server.webAdmin().post("/postwall/retention/enforcement/users/" + erin, null);

        assertThat(enforced.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(enforced.body()).path("deleted").path("messages").asLong()).isEqualTo(1);
        try (LineClient imap = PostwallServerContract.loggedInImap(server, erin, "erin-secret")) {
            imap.sendLine("c EXAMINE INBOX");
            imap.readImapResponse("c");
            imap.sendLine("d SEARCH ALL");
            assertThat(imap.readImapResponse("d")).first().isEqualTo("* SEARCH 1");
            imap.sendLine("e SEARCH SUBJECT today");
            assertThat(imap.readImapResponse("e")).first().isEqualTo("* SEARCH 1");
        }
    }

    @Test
    void usersShouldChooseRetentionWithinLimitsAndDownloadTheirExportOverHttps(@TempDir Path downloads) throws Exception {
        String fay = "fay@rest.example";
        server.webAdmin().createUser(fay, "fay-secret");
        server.webAdmin().createUser("gus@rest.example", "gus-secret");
        assertThat(server.webAdmin().put("/postwall/retention/limits/rest.example?mailMinimumDays=7&mailMaximumDays=730", null)
            .statusCode()).isEqualTo(200);
        WebAdminClient api = server.api(fay, "fay-secret");

        assertThat(api.put("/api/users/" + fay + "/retention/folders/Trash?days=30", null).statusCode()).isEqualTo(204);
        HttpResponse<String> outsideLimits = api.put("/api/users/" + fay + "/retention/folders/INBOX?days=1000", null);
        assertThat(outsideLimits.statusCode()).isEqualTo(400);
        assertThat(outsideLimits.body()).contains("730");
        assertThat(api.get("/api/users/" + fay + "/retention").body()).contains("Trash");
        assertThat(api.get("/api/users/gus@rest.example/retention").statusCode()).isEqualTo(403);

        HttpResponse<String> requested = api.post("/api/users/" + fay + "/exports", null);
        assertThat(requested.statusCode()).isEqualTo(202);
        String status = "/api/users/" + fay + "/exports/" + JSON.readTree(requested.body()).path("id").asText();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
            .until(() -> JSON.readTree(api.get(status).body()).path("state").asText().equals("READY"));
        HttpResponse<Path> archive = api.download(status + "/archive", downloads.resolve("export.zip"));
        assertThat(archive.statusCode()).isEqualTo(200);
        try (ZipFile zip = new ZipFile(archive.body().toFile())) {
            assertThat(zip.getEntry("manifest.json")).isNotNull();
        }
        assertThat(server.api("gus@rest.example", "gus-secret").get(status).statusCode()).isEqualTo(403);
    }

    @Test
    void domainAdminShouldProvisionAUserOverHttpsWhoGetsTheStandardFolders() throws Exception {
        server.webAdmin().createUser("hal@provision.example", "hal-secret-1");
        String generated = Files.readString(server.server().dataDirectory().resolve("api-admin-password"), StandardCharsets.UTF_8).trim();
        assertThat(server.api("admin", generated).put("/api/domains/provision.example/admins/hal@provision.example", null)
            .statusCode()).isEqualTo(204);

        assertThat(server.api("hal@provision.example", "hal-secret-1")
            .put("/api/domains/provision.example/users/ivy@provision.example", "{\"password\": \"ivy-secret-1\"}")
            .statusCode()).isEqualTo(204);

        try (LineClient imap = PostwallServerContract.loggedInImap(server, "ivy@provision.example", "ivy-secret-1")) {
            imap.sendLine("c LIST \"\" \"*\"");
            assertThat(String.join("\n", imap.readImapResponse("c"))).contains("INBOX", "Sent", "Drafts", "Trash", "Junk", "Archive");
        }
    }

    /** IMAP APPEND into INBOX with an internal date, or the server's time when {@code internalDate} is null. */
    private static void append(LineClient imap, String tag, String internalDate, String message) {
        byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        imap.sendLine(tag + " APPEND INBOX" + (internalDate == null ? "" : " \"" + internalDate + "\"") + " {" + bytes.length + "}");
        assertThat(imap.readLine()).startsWith("+");
        imap.sendBytes(bytes);
        imap.sendLine("");
        assertThat(imap.readImapResponse(tag)).last().asString().startsWith(tag + " OK");
    }

    @Test
    void imapClientsShouldSeeTheRetentionOfEachFolderWithoutChangingIt() {
        String dan = PostwallServerContract.uniqueUser("metadata.example");
        server.webAdmin().createUser(dan, "dan-secret");
        assertThat(server.webAdmin().put("/postwall/retention/limits/metadata.example?mailMaximumDays=365", null).statusCode())
            .isEqualTo(200);

        try (LineClient imap = PostwallServerContract.loggedInImap(server, dan, "dan-secret")) {
            imap.sendLine("c GETMETADATA \"Trash\" /private/vendor/postwall/retention");
            assertThat(imap.readImapResponse("c"))
                .anyMatch(line -> line.equals("* METADATA \"Trash\" (/private/vendor/postwall/retention \"365 days\")"))
                .last().asString().startsWith("c OK");
            imap.sendLine("d SETMETADATA \"Trash\" (/private/vendor/postwall/retention \"forever\")");
            assertThat(imap.readImapResponse("d")).last().asString().startsWith("d NO");
        }
    }

    private static List<Map<String, Object>> accessLog(String path) throws Exception {
        HttpResponse<String> response = server.webAdmin().get("/postwall/access-log/" + path);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readValue(response.body(), new TypeReference<List<Map<String, Object>>>() { });
    }

    private static HttpResponse<String> calDav(String user, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .sslContext(MailClients.trustingContext(server.server().dataDirectory().resolve("tls").resolve("selfsigned-cert.pem")))
            .build();
        return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + server.server().ports().calDav + "/.well-known/caldav"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", basic(user, password))
                .method("PROPFIND", HttpRequest.BodyPublishers.noBody()).header("Depth", "0").build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
