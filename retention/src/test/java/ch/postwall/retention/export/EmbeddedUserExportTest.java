package ch.postwall.retention.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.mail.Flags;
import javax.mail.util.SharedByteArrayInputStream;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.search.MailboxQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ch.postwall.mailbox.testing.BackendTestServer;
import ch.postwall.retention.guice.EmbeddedRetentionPolicyModule;
import ch.postwall.retention.guice.ExportModule;
import ch.postwall.retention.policy.RetentionChoice;
import ch.postwall.retention.policy.RetentionPolicyStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Export round trip on the embedded backend: export, import the archive into a fresh account, compare. */
class EmbeddedUserExportTest {
    private static final Domain DOMAIN = Domain.of("export.test");
    private static final Username ALICE = Username.fromLocalPartWithDomain("alice", DOMAIN);
    private static final Username COPY = Username.fromLocalPartWithDomain("copy", DOMAIN);

    @TempDir
    Path workingDirectory;

    private static BackendTestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = BackendTestServer.embedded(new EmbeddedRetentionPolicyModule(), new ExportModule());
        server.instance(DomainList.class).addDomain(DOMAIN);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static MailboxManager mailboxManager() {
        return server.instance(MailboxManager.class);
    }

    private static void append(Username user, String folder, String subject, Flags flags) throws Exception {
        MailboxSession session = mailboxManager().createSystemSession(user);
        MailboxPath path = MailboxPath.forUser(user, folder);
        if (!Mono.from(mailboxManager().mailboxExists(path, session)).block()) {
            mailboxManager().createMailbox(path, session);
        }
        byte[] content = ("From: bob@export.test\r\nSubject: " + subject + "\r\n\r\nFrom the start\r\nbody of " + subject + "\r\n")
            .getBytes(StandardCharsets.US_ASCII);
        mailboxManager().getMailbox(path, session).appendMessage(MessageManager.AppendCommand.builder()
            .withFlags(flags).build(new SharedByteArrayInputStream(content)), session);
    }

    /** Every message of every folder: folder, content and flags, in uid order. */
    private static List<String> mailOf(Username user) {
        MailboxSession session = mailboxManager().createSystemSession(user);
        return Flux.from(mailboxManager().search(MailboxQuery.privateMailboxesBuilder(session)
                .build(), session))
            .sort((a, b) -> a.getPath().getName().compareTo(b.getPath().getName()))
            .concatMap(mailbox -> Flux.from(mailboxManager().getMailboxReactive(mailbox.getId(), session))
                .flatMap(folder -> Flux.from(folder.getMessagesReactive(MessageRange.all(), FetchGroup.FULL_CONTENT, session)))
                .map(message -> {
                    try (InputStream content = message.getFullContent().getInputStream()) {
                        Flags flags = message.getFlags();
                        flags.remove(Flags.Flag.RECENT);
                        return mailbox.getPath().getName() + "|" + new String(content.readAllBytes(), StandardCharsets.US_ASCII)
                            + "|" + List.of(flags.getSystemFlags()) + List.of(flags.getUserFlags());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }))
            .collectList().block();
    }

    private static Map<String, byte[]> unzip(Path archive) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    /** Imports the archive's mail the way a client would (folder by folder, APPEND with the exported flags). */
    private static void importMail(Map<String, byte[]> entries, Username user) throws Exception {
        MailboxSession session = mailboxManager().createSystemSession(user);
        for (Map.Entry<String, byte[]> flagsEntry : entries.entrySet()) {
            if (!flagsEntry.getKey().endsWith("/" + MailboxExportStep.FLAGS)) {
                continue;
            }
            String directory = flagsEntry.getKey().substring(0, flagsEntry.getKey().length() - MailboxExportStep.FLAGS.length());
            MailboxPath path = MailboxPath.forUser(user, directory.substring("mail/".length(), directory.length() - 1));
            if (!Mono.from(mailboxManager().mailboxExists(path, session)).block()) {
                mailboxManager().createMailbox(path, session);
            }
            for (String line : new String(flagsEntry.getValue(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] uidAndFlags = line.split(" ");
                Flags flags = new Flags();
                for (int index = 1; index < uidAndFlags.length; index++) {
                    flags.add(systemFlag(uidAndFlags[index]));
                }
                mailboxManager().getMailbox(path, session).appendMessage(MessageManager.AppendCommand.builder().withFlags(flags)
                    .build(new SharedByteArrayInputStream(entries.get(directory + uidAndFlags[0] + ".eml"))), session);
            }
        }
    }

    private static Flags systemFlag(String name) {
        return switch (name) {
            case "\\Seen" -> new Flags(Flags.Flag.SEEN);
            case "\\Answered" -> new Flags(Flags.Flag.ANSWERED);
            case "\\Flagged" -> new Flags(Flags.Flag.FLAGGED);
            case "\\Deleted" -> new Flags(Flags.Flag.DELETED);
            case "\\Draft" -> new Flags(Flags.Flag.DRAFT);
            default -> new Flags(name);
        };
    }

    @Test
    void exportShouldRoundTripEveryFolderWithFlagsIntoAFreshAccount() throws Exception {
        append(ALICE, "INBOX", "first", new Flags(Flags.Flag.SEEN));
        Flags flagged = new Flags(Flags.Flag.FLAGGED);
        flagged.add("$Label1");
        append(ALICE, "Projects", "second", flagged);
        append(ALICE, "Projects.2026", "third", new Flags());
        server.instance(RetentionPolicyStore.class).choose(ALICE, RetentionChoice.mailFolder("Projects", Duration.ofDays(365)));
        Path archive = workingDirectory.resolve("alice.zip");

        try (OutputStream output = Files.newOutputStream(archive)) {
            server.instance(UserExport.class).export(ALICE, output);
        }
        Map<String, byte[]> entries = unzip(archive);
        importMail(entries, COPY);

        assertThat(mailOf(COPY)).isEqualTo(mailOf(ALICE)).hasSize(3);
        assertThat(new String(entries.get("retention/settings.json"), StandardCharsets.UTF_8))
            .contains("\"container\" : \"Projects\"").contains("\"days\" : 365");
    }

    @Test
    void manifestShouldListEveryEntryWithItsCountAndChecksum() throws Exception {
        Username dave = Username.fromLocalPartWithDomain("dave", DOMAIN);
        append(dave, "INBOX", "one", new Flags());
        append(dave, "INBOX", "two", new Flags());
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        server.instance(UserExport.class).export(dave, output);
        Path archive = workingDirectory.resolve("dave.zip");
        Files.write(archive, output.toByteArray());

        Map<String, byte[]> entries = unzip(archive);
        JsonNode manifest = new ObjectMapper().readTree(entries.get(ZipExportArchive.MANIFEST));

        assertThat(manifest.get("owner").asText()).isEqualTo(dave.asString());
        assertThat(manifest.get("entries")).hasSize(entries.size() - 1);
        for (JsonNode entry : manifest.get("entries")) {
            byte[] content = entries.get(entry.get("path").asText());
            assertThat(entry.get("size").asLong()).isEqualTo(content.length);
            assertThat(entry.get("sha256").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        }
        assertThat(manifest.findValues("path").stream().map(JsonNode::asText))
            .contains("mail/INBOX/flags.txt");
        assertThat(manifest.get("entries").findValues("items").stream().mapToLong(JsonNode::asLong).sum())
            .isEqualTo(manifest.get("totalItems").asLong());
    }
}
