package ch.postwall.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.filter.daemon.SpamdExtension;

/**
 * The quarantine through the REST API of a real server process: GTUBE from the internet is quarantined by
 * the real spamd verdict; the recipient lists it with their mail credentials; a technical admin reads its
 * headers but not its body; another domain's admin is refused; the digest lists it in the INBOX; two
 * concurrent releases deliver it into the INBOX exactly once, seen over IMAP.
 */
class QuarantineEndToEndTest {
    private static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";
    private static final String PASSWORD = "quarantine-secret";
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Duration DIGEST_INTERVAL = Duration.ofSeconds(5);
    private static final String SUBJECT = "Cheap pills";

    @RegisterExtension
    @Order(1)
    static SpamdExtension spamd = new SpamdExtension();

    @RegisterExtension
    @Order(2)
    static PostwallServerExtension server = new PostwallServerExtension(List.of(), () -> Map.of(
            "policy.default.checks", "spam",
            "spam.engine", "spamd",
            "spam.host", spamd.endpoint().host(),
            "spam.port", String.valueOf(spamd.endpoint().port())),
        configuration -> TestConfiguration.setProperties(configuration.resolve("quarantinedigest.properties"),
            Map.of("interval", DIGEST_INTERVAL.toSeconds() + "s")));

    private static WebAdminClient platformAdmin;

    @BeforeAll
    static void createAccounts() throws Exception {
        String generated = Files.readString(server.server().dataDirectory().resolve("api-admin-password"), StandardCharsets.UTF_8).trim();
        platformAdmin = server.api("admin", generated);
        assertThat(platformAdmin.put("/api/staff/reviewer", "{\"role\": \"technical_admin\", \"password\": \"" + PASSWORD + "\"}")
            .statusCode()).isEqualTo(204);
        server.webAdmin().createUser("eve@other.example", PASSWORD);
        assertThat(platformAdmin.put("/api/domains/other.example/admins/eve@other.example", null).statusCode()).isEqualTo(204);
    }

    @Test
    void quarantinedSpamShouldBeListedReviewedWithoutBodyDigestedAndReleasedIntoTheInboxOnce() throws Exception {
        String user = PostwallServerContract.uniqueUser("quarantine.example");
        server.webAdmin().createUser(user, PASSWORD);
        assertThat(server.webAdmin().put("/postwall/filter/policies/domains/quarantine.example",
            "{\"quarantineThreshold\": 5, \"rejectThreshold\": 100000, \"checks\": [\"SPAM\"]}").statusCode()).isEqualTo(204);

        assertThat(server.mail().sendOverMx("spammer@outside.example", user,
            "From: spammer@outside.example\r\nTo: " + user + "\r\nSubject: " + SUBJECT + "\r\n\r\n" + GTUBE + "\r\n")).startsWith("250");

        WebAdminClient owner = server.api(user, PASSWORD);
        String id = await().atMost(Duration.ofSeconds(60)).until(() -> quarantinedId(owner, user), value -> !value.isEmpty());
        assertThat(owner.get("/api/quarantine?user=" + user).body()).contains(SUBJECT).contains("spammer@outside.example");

        WebAdminClient reviewer = server.api("reviewer", PASSWORD);
        HttpResponse<String> headers = reviewer.get("/api/quarantine/" + user + "/" + id + "/headers");
        assertThat(headers.statusCode()).isEqualTo(200);
        assertThat(headers.body()).contains("Subject: " + SUBJECT).doesNotContain("GTUBE");
        assertThat(reviewer.get("/api/quarantine/" + user + "/" + id + "/message").statusCode()).isEqualTo(403);

        WebAdminClient otherDomainAdmin = server.api("eve@other.example", PASSWORD);
        assertThat(otherDomainAdmin.get("/api/quarantine?user=" + user).statusCode()).isEqualTo(403);
        assertThat(otherDomainAdmin.get("/api/quarantine/" + user + "/" + id + "/headers").statusCode()).isEqualTo(403);
        assertThat(otherDomainAdmin.post("/api/quarantine/" + user + "/" + id + "/release", null).statusCode()).isEqualTo(403);

        assertThat(owner.get("/api/quarantine/" + user + "/" + id + "/message").body()).contains("GTUBE");
        await().atMost(Duration.ofSeconds(60)).until(() -> server.mail().inboxSubjects(user, PASSWORD),
            subjects -> subjects.contains("Quarantine: 1 new message"));
        assertThat(server.mail().inboxSubjects(user, PASSWORD)).doesNotContain(SUBJECT);

        String release = "/api/quarantine/" + user + "/" + id + "/release";
        CompletableFuture<Integer> byAdmin = CompletableFuture.supplyAsync(() -> platformAdmin.post(release, null).statusCode());
        CompletableFuture<Integer> byOwner = CompletableFuture.supplyAsync(() -> owner.post(release, null).statusCode());
        assertThat(List.of(byAdmin.get(), byOwner.get())).containsExactlyInAnyOrder(204, 404);

        await().atMost(Duration.ofSeconds(60)).until(() -> server.mail().inboxSubjects(user, PASSWORD).contains(SUBJECT));
        assertThat(quarantinedId(owner, user)).isEmpty();
        Thread.sleep(3000);
        assertThat(server.mail().inboxSubjects(user, PASSWORD)).containsOnlyOnce(SUBJECT)
            .containsOnlyOnce("Quarantine: 1 new message");
    }

    /** The id of the first mail in the user's quarantine listing, empty when there is none. */
    private static String quarantinedId(WebAdminClient client, String user) {
        HttpResponse<String> listing = client.get("/api/quarantine?user=" + user);
        assertThat(listing.statusCode()).isEqualTo(200);
        Matcher matcher = ID.matcher(listing.body());
        return matcher.find() ? matcher.group(1) : "";
    }
}
