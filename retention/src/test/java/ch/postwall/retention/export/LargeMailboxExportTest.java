package ch.postwall.retention.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
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
import org.apache.james.mailbox.model.MailboxPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ch.postwall.mailbox.testing.BackendTestServer;
import ch.postwall.retention.guice.EmbeddedRetentionPolicyModule;
import ch.postwall.retention.guice.ExportModule;

/**
 * A mailbox of more than 2 GiB exported by a JVM whose heap is at most 512 MiB (the surefire execution
 * {@code large-export} of this module runs this class alone with {@code -Xmx512m}). Every message is a 10 MiB
 * multipart with a base64 attachment, appended through the {@link MailboxManager} on the embedded backend.
 */
@Tag(LargeMailboxExportTest.TAG)
class LargeMailboxExportTest {
    static final String TAG = "large-export";
    private static final Logger LOGGER = LoggerFactory.getLogger(LargeMailboxExportTest.class);
    private static final long MAX_HEAP = 512L * 1024 * 1024;
    private static final long MAILBOX_SIZE = 2L * 1024 * 1024 * 1024;
    private static final int ATTACHMENT_BYTES = 7_500_000;
    private static final Domain DOMAIN = Domain.of("large.test");
    private static final Username OWNER = Username.fromLocalPartWithDomain("heavy", DOMAIN);

    @TempDir
    Path directory;

    private BackendTestServer server;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** One message: its headers differ per index, the attachment is shared (random, so it barely compresses). */
    private static byte[] message(int index, String attachment) {
        String headers = "From: sender@large.test\r\nTo: " + OWNER.asString() + "\r\nSubject: Rapport n°" + index + " – pièce jointe\r\n"
            + "Message-ID: <large-" + index + "@large.test>\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"part\"\r\n\r\n"
            + "--part\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nLe rapport numéro " + index + " est joint.\r\n"
            + "--part\r\nContent-Type: application/octet-stream; name=\"report-" + index + ".bin\"\r\n"
            + "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"report-" + index + ".bin\"\r\n\r\n";
        return (headers + attachment + "\r\n--part--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String attachment() {
        byte[] random = new byte[ATTACHMENT_BYTES];
        new Random(42).nextBytes(random);
        return Base64.getMimeEncoder().encodeToString(random);
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .mapToLong(pool -> pool.getUsage().getUsed())
            .sum();
    }

    @Test
    void exportShouldStreamAMailboxLargerThanTheHeap() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("run with -Xmx512m (surefire execution large-export)").isLessThanOrEqualTo(MAX_HEAP);
        server = BackendTestServer.embedded(new EmbeddedRetentionPolicyModule(), new ExportModule());
        server.instance(DomainList.class).addDomain(DOMAIN);
        MailboxManager mailboxManager = server.instance(MailboxManager.class);
        MailboxPath inbox = MailboxPath.inbox(OWNER);
        MailboxSession creation = mailboxManager.createSystemSession(OWNER);
        mailboxManager.createMailbox(inbox, creation);
        mailboxManager.endProcessingRequest(creation);

        String attachment = attachment();
        Map<String, String> expectedChecksums = new HashMap<>();
        long appendedBytes = 0;
        Instant appendStart = Instant.now();
        for (int index = 0; appendedBytes < MAILBOX_SIZE; index++) {
            byte[] content = message(index, attachment);
            // A session per message: the embedded backend's mapper keeps what a session loaded until it ends.
            MailboxSession session = mailboxManager.createSystemSession(OWNER);
            MessageManager.AppendResult appended = mailboxManager.getMailbox(inbox, session).appendMessage(
                MessageManager.AppendCommand.builder().withFlags(new Flags(Flags.Flag.SEEN)).build(new SharedByteArrayInputStream(content)),
                session);
            mailboxManager.endProcessingRequest(session);
            expectedChecksums.put("mail/INBOX/" + appended.getId().getUid().asLong() + ".eml", sha256(content));
            appendedBytes += content.length;
        }
        LOGGER.info("Appended {} messages, {} bytes in {}", expectedChecksums.size(), appendedBytes, Duration.between(appendStart, Instant.now()));

        Path archive = directory.resolve("export.zip");
        Instant exportStart = Instant.now();
        try (OutputStream output = Files.newOutputStream(archive)) {
            server.instance(UserExport.class).export(OWNER, output);
        }
        System.gc();
        long heapAfterExport = heapUsed();
        LOGGER.info("Exported into {} bytes in {}, heap after export {}", Files.size(archive),
            Duration.between(exportStart, Instant.now()), heapAfterExport);

        Map<String, String> actualChecksums = new HashMap<>();
        Map<String, Long> actualSizes = new HashMap<>();
        JsonNode manifest = null;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(ZipExportArchive.MANIFEST)) {
                    manifest = new ObjectMapper().readTree(zip.readAllBytes());
                } else {
                    MessageDigest digest = MessageDigest.getInstance("SHA-256");
                    actualSizes.put(entry.getName(), new DigestInputStream(zip, digest).transferTo(OutputStream.nullOutputStream()));
                    actualChecksums.put(entry.getName(), HexFormat.of().formatHex(digest.digest()));
                }
            }
        }

        assertThat(actualChecksums).containsAllEntriesOf(expectedChecksums);
        assertThat(manifest).isNotNull();
        assertThat(manifest.get("entries")).hasSize(actualChecksums.size());
        for (JsonNode entry : manifest.get("entries")) {
            String path = entry.get("path").asText();
            assertThat(entry.get("sha256").asText()).as(path).isEqualTo(actualChecksums.get(path));
            assertThat(entry.get("size").asLong()).as(path).isEqualTo(actualSizes.get(path));
        }
        assertThat(manifest.get("totalBytes").asLong()).isGreaterThanOrEqualTo(MAILBOX_SIZE);
        // Nothing of the mailbox is retained once the export is written: what is left fits many times in one message.
        assertThat(heapAfterExport).isLessThan(MAX_HEAP / 4);
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
