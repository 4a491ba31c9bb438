package ch.postwall.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.activation.DataHandler;
import javax.mail.Flags;
import javax.mail.Folder;
import javax.mail.Message;
import javax.mail.Store;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import javax.mail.util.ByteArrayDataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The export round trip against the server process: a user's folders, flags, attachments and calendars written
 * with real clients, exported over WebAdmin, downloaded, and imported into a fresh account with standard tools
 * (Python's imaplib APPEND, python3-caldav PUT, in {@code export/round_trip.py}); then both accounts compare equal.
 */
class ExportEndToEndTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final String DOMAIN = "export.example";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static PostwallServerExtension server = new PostwallServerExtension();

    @TempDir
    Path directory;

    @Test
    void exportShouldRoundTripMailAndCalendarsIntoAFreshAccountWithStandardTools() throws Exception {
        String alice = PostwallServerContract.uniqueUser(DOMAIN);
        String copy = PostwallServerContract.uniqueUser(DOMAIN);
        server.webAdmin().createUser(alice, "alice-secret");
        server.webAdmin().createUser(copy, "copy-secret");
        writeMail(alice, "alice-secret");
        roundTrip("seed", alice, "alice-secret");

        Path archive = export("/users/" + alice + "/exports", "alice.zip");
        Map<String, Object> imported = roundTrip("import", copy, "copy-secret", archive.toString());

        Map<String, Object> original = roundTrip("dump", alice, "alice-secret");
        assertThat(roundTrip("dump", copy, "copy-secret")).isEqualTo(original);
        assertThat(imported).isEqualTo(Map.of("messages", 5, "calendar_objects", 4));
        assertThat((Map<String, ?>) original.get("mail")).containsKeys("INBOX", "Projects", "Projects.2026", "Archive");
        assertThat((Map<String, ?>) original.get("calendars")).containsKeys("calendar", "tasks", "notes");
        assertThat(JSON.writeValueAsString(original)).contains("Apéro à Zürich", "\\\\Flagged", "$Label1");
    }

    @Test
    void domainExportShouldHoldTheArchiveOfEveryUserOfTheDomain() throws Exception {
        String domain = "whole-" + DOMAIN;
        String bob = PostwallServerContract.uniqueUser(domain);
        String carol = PostwallServerContract.uniqueUser(domain);
        server.webAdmin().createUser(bob, "bob-secret");
        server.webAdmin().createUser(carol, "carol-secret");
        writeMail(bob, "bob-secret");

        Map<String, byte[]> users = unzip(export("/domains/" + domain + "/exports", "domain.zip"));

        assertThat(users).containsOnlyKeys(bob + ".zip", carol + ".zip");
        Path bobs = directory.resolve("bob.zip");
        Files.write(bobs, users.get(bob + ".zip"));
        Map<String, byte[]> entries = unzip(bobs);
        assertThat(entries).containsKeys("mail/Projects.2026/flags.txt", "calendar/calendar.ics", "calendar/tasks.ics",
            "retention/settings.json", "manifest.json");
        JsonNode manifest = JSON.readTree(entries.get("manifest.json"));
        assertThat(manifest.get("owner").asText()).isEqualTo(bob);
        assertThat(manifest.get("entries")).hasSize(entries.size() - 1);
    }

    @Test
    void exportRoutesShouldRefuseWhenSubjectOrArchiveIsUnknownOrCallerAnonymous() {
        String dave = PostwallServerContract.uniqueUser(DOMAIN);
        server.webAdmin().createUser(dave, "dave-secret");

        String unknownId = "/6f1c2a52-7d0e-4c55-9d0b-2f4b8f1d1a77";
        assertThat(server.webAdmin().get("/users/" + dave + "/exports" + unknownId).statusCode()).isEqualTo(404);
        assertThat(server.webAdmin().get("/users/" + dave + "/exports" + unknownId + "/archive").statusCode()).isEqualTo(404);
        assertThat(server.webAdmin().post("/users/nobody@" + DOMAIN + "/exports", null).statusCode()).isEqualTo(404);
        assertThat(server.webAdmin().post("/domains/nowhere.example/exports", null).statusCode()).isEqualTo(404);
        assertThat(server.webAdmin().withoutCredentials().post("/users/" + dave + "/exports", null).statusCode()).isEqualTo(401);
        assertThat(server.webAdmin().withoutCredentials().post("/domains/" + DOMAIN + "/exports", null).statusCode()).isEqualTo(401);
        assertThat(server.webAdmin().withoutCredentials().get("/domains/" + DOMAIN + "/exports" + unknownId + "/archive")
            .statusCode()).isEqualTo(401);
    }

    /** Folders (one nested), flags and keywords, attachments and non-ASCII headers, written over IMAP APPEND. */
    private static void writeMail(String user, String password) throws Exception {
        try (Store store = server.mail().imap(user, password)) {
            append(store.getFolder("INBOX"), message(user, "Grüße aus Zürich", "Bonjour, ça va ?", null), Flags.Flag.SEEN);
            append(store.getFolder("INBOX"), message(user, "Plain ASCII", "No flags at all.", null));
            Folder projects = store.getFolder("Projects");
            projects.create(Folder.HOLDS_MESSAGES | Folder.HOLDS_FOLDERS);
            MimeMessage report = message(user, "Rapport – été 2026", "Voir la pièce jointe.", "rapport-été.pdf");
            report.setFlags(new Flags("$Label1"), true);
            append(projects, report, Flags.Flag.FLAGGED, Flags.Flag.SEEN);
            Folder nested = projects.getFolder("2026");
            nested.create(Folder.HOLDS_MESSAGES);
            append(nested, message(user, "日本語の件名", "本文", "表.csv"), Flags.Flag.ANSWERED);
            Folder archive = store.getFolder("Archive");
            if (!archive.exists()) {
                archive.create(Folder.HOLDS_MESSAGES);
            }
            append(archive, message(user, "Old news", "Archived.", null), Flags.Flag.SEEN, Flags.Flag.DELETED);
        }
    }

    private static MimeMessage message(String to, String subject, String text, String attachment) throws Exception {
        MimeMessage message = new MimeMessage(server.mail().newSession());
        message.setFrom(new InternetAddress("sender@elsewhere.example", "Zoë Ærø"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        if (attachment == null) {
            message.setText(text, "UTF-8");
        } else {
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text, "UTF-8");
            MimeBodyPart file = new MimeBodyPart();
            byte[] content = new byte[40_000];
            for (int index = 0; index < content.length; index++) {
                content[index] = (byte) (index * 31);
            }
            file.setDataHandler(new DataHandler(new ByteArrayDataSource(content, "application/octet-stream")));
            file.setFileName(attachment);
            message.setContent(new MimeMultipart(body, file));
        }
        message.saveChanges();
        return message;
    }

    private static void append(Folder folder, MimeMessage message, Flags.Flag... flags) throws Exception {
        for (Flags.Flag flag : flags) {
            message.setFlag(flag, true);
        }
        folder.appendMessages(new Message[] {message});
    }

    /** Requests the export, waits until it is ready, and downloads the archive. */
    private Path export(String route, String fileName) throws IOException {
        HttpResponse<String> requested = server.webAdmin().post(route, null);
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
        String export = route + "/" + JSON.readTree(requested.body()).get("id").asText();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
            .until(() -> JSON.readTree(server.webAdmin().get(export).body()).get("state").asText(), state -> !state.equals("RUNNING"));
        assertThat(JSON.readTree(server.webAdmin().get(export).body()).get("state").asText()).isEqualTo("READY");

        Path archive = directory.resolve(fileName);
        HttpResponse<Path> download = server.webAdmin().download(export + "/archive", archive);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
        return archive;
    }

    private static Map<String, byte[]> unzip(Path archive) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private static Map<String, Object> roundTrip(String command, String user, String password, String... more)
            throws IOException, InterruptedException, URISyntaxException {
        Path script = Path.of(ExportEndToEndTest.class.getResource("/export/round_trip.py").toURI());
        Path certificate = server.server().dataDirectory().resolve("tls").resolve("selfsigned-cert.pem");
        List<String> arguments = new ArrayList<>(List.of(PYTHON, script.toString(), command,
            String.valueOf(server.server().ports().imap), "https://localhost:" + server.server().ports().calDav + "/",
            certificate.toString(), user, password));
        arguments.addAll(List.of(more));
        Process process = new ProcessBuilder(arguments).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IOException("round_trip.py " + command + " timed out");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("%s printed %s and %s; server log: %s", command, output, errors,
            server.server().logTail()).isZero();
        return JSON.readValue(output, new TypeReference<TreeMap<String, Object>>() { });
    }
}
