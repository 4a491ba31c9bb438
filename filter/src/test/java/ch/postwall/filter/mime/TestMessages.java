package ch.postwall.filter.mime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Raw RFC 5322 test messages built in code (EICAR is never stored in the repository as a file). */
public final class TestMessages {
    public static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";
    private static final String HEADERS = "From: Sender <sender@example.net>\r\n"
        + "To: Alice <alice@example.com>\r\n"
        + "Subject: Test\r\n"
        + "Date: Thu, 26 Nov 2026 10:00:00 +0000\r\n"
        + "Message-ID: <test-1@example.net>\r\n"
        + "MIME-Version: 1.0\r\n";

    private TestMessages() {
    }

    public static byte[] plain(String body) {
        return (HEADERS + "Content-Type: text/plain; charset=us-ascii\r\n\r\n" + body + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] withAttachment(String fileName, String contentType, byte[] content) {
        String encoded = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(content);
        return (HEADERS
            + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
            + "--b1\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nSee attachment.\r\n"
            + "--b1\r\nContent-Type: " + contentType + "; name=\"" + fileName + "\"\r\n"
            + "Content-Disposition: attachment; filename=\"" + fileName + "\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n" + encoded + "\r\n"
            + "--b1--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] zip(String entryName, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entryName));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The smallest ELF header Tika recognises as an executable (64-bit, little endian, e_type EXEC). */
    public static byte[] elfExecutable() {
        byte[] elf = new byte[64];
        elf[0] = 0x7f;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        elf[4] = 2;
        elf[5] = 1;
        elf[6] = 1;
        elf[16] = 2;
        elf[18] = 0x3e;
        elf[20] = 1;
        return elf;
    }

    /** A DOS/PE stub: "MZ", the PE header offset at 0x3c, then "PE\0\0". */
    public static byte[] peExecutable() {
        byte[] pe = new byte[256];
        pe[0] = 'M';
        pe[1] = 'Z';
        pe[0x3c] = (byte) 0x80;
        pe[0x80] = 'P';
        pe[0x81] = 'E';
        return pe;
    }

    public static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }
}
