package ch.postwall.filter.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import ch.postwall.filter.config.FilterConfiguration;
import ch.postwall.filter.mime.TestMessages;

class AttachmentInspectorTest {
    private static final int MAX_DEPTH = 10;

    private final AttachmentInspector inspector = new AttachmentInspector(FilterConfiguration.DEFAULT_BLOCKED_TYPES, MAX_DEPTH);

    @Test
    void inspectShouldBlockAnElfExecutableWhenRenamedToPdf() throws Exception {
        byte[] mail = TestMessages.withAttachment("invoice.pdf", "application/pdf", TestMessages.elfExecutable());

        assertThat(inspector.inspect(mail)).singleElement().satisfies(part -> {
            assertThat(part.fileName()).contains("invoice.pdf");
            assertThat(part.declaredType()).isEqualTo("application/pdf");
            assertThat(part.detectedType()).isEqualTo("application/x-executable");
        });
    }

    @Test
    void inspectShouldBlockAPeExecutableWhenRenamedToPdf() throws Exception {
        byte[] mail = TestMessages.withAttachment("invoice.pdf", "application/pdf", TestMessages.peExecutable());

        assertThat(inspector.inspect(mail)).singleElement()
            .satisfies(part -> assertThat(part.detectedType()).startsWith("application/x-"));
    }

    @Test
    void inspectShouldBlockAShellScriptWhenDeclaredAsText() throws Exception {
        byte[] script = "#!/bin/sh\nrm -rf ~\n".getBytes(StandardCharsets.US_ASCII);
        byte[] mail = TestMessages.withAttachment("notes.txt", "text/plain", script);

        assertThat(inspector.inspect(mail)).singleElement()
            .satisfies(part -> assertThat(part.detectedType()).isEqualTo("application/x-sh"));
    }

    @Test
    void inspectShouldBlockAnUnnamedTextPartMarkedAsAttachment() throws Exception {
        assertThat(inspector.inspect(unnamedPart("text/plain", "attachment", TestMessages.elfExecutable())))
            .singleElement()
            .satisfies(part -> assertThat(part.detectedType()).isEqualTo("application/x-executable"));
    }

    @Test
    void inspectShouldBlockAnUnnamedPartOfAnotherThanTheDisplayedTextTypes() throws Exception {
        assertThat(inspector.inspect(unnamedPart("text/x-script", "inline", TestMessages.elfExecutable())))
            .singleElement()
            .satisfies(part -> assertThat(part.detectedType()).isEqualTo("application/x-executable"));
    }

    @Test
    void inspectShouldBlockAnExecutableBehindAMalformedContentType() throws Exception {
        assertThat(inspector.inspect(unnamedPart("application/x-msdownload; charset=\"unterminated", "inline", TestMessages.elfExecutable())))
            .singleElement()
            .satisfies(part -> assertThat(part.detectedType()).isEqualTo("application/x-executable"));
    }

    @Test
    void inspectShouldNotSniffTheMailsOwnDisplayedText() throws Exception {
        // Clients display such a part as text; whatever bytes it holds, they offer no file to open.
        assertThat(inspector.inspect(unnamedPart("text/plain", "inline", TestMessages.elfExecutable()))).isEmpty();
    }

    private static byte[] unnamedPart(String contentType, String disposition, byte[] content) {
        String encoded = Base64.getMimeEncoder().encodeToString(content);
        return ("From: sender@example.net\r\nTo: alice@example.com\r\nSubject: Unnamed\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
            + "--b1\r\nContent-Type: " + contentType + "\r\nContent-Disposition: " + disposition + "\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n" + encoded + "\r\n--b1--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void inspectShouldAcceptARealPdf() throws Exception {
        byte[] mail = TestMessages.withAttachment("invoice.pdf", "application/pdf", TestMessages.pdf());

        assertThat(inspector.inspect(mail)).isEmpty();
    }

    @Test
    void inspectShouldAcceptAPlainMail() throws Exception {
        assertThat(inspector.inspect(TestMessages.plain("Hello"))).isEmpty();
    }

    @Test
    void inspectShouldFailClearlyWhenNestingIsTooDeep() {
        StringBuilder mail = new StringBuilder("From: a@b.c\r\nMIME-Version: 1.0\r\n");
        for (int level = 0; level <= MAX_DEPTH + 1; level++) {
            mail.append("Content-Type: multipart/mixed; boundary=\"b").append(level).append("\"\r\n\r\n--b").append(level).append("\r\n");
        }
        mail.append("Content-Type: text/plain\r\n\r\ndeep\r\n");

        assertThatThrownBy(() -> inspector.inspect(mail.toString().getBytes(StandardCharsets.US_ASCII)))
            .isInstanceOf(MalformedMessageException.class)
            .hasMessageContaining("nesting deeper than " + MAX_DEPTH);
    }

    @Test
    void inspectShouldFailClearlyWhenThereAreTooManyHeaders() {
        String headers = "X-Filler: yes\r\n".repeat(2000);
        byte[] mail = ("From: a@b.c\r\n" + headers + "\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> inspector.inspect(mail))
            .isInstanceOf(MalformedMessageException.class)
            .hasMessageContaining("Unreadable MIME structure");
    }

    @Test
    void inspectShouldFailClearlyWhenOneHeaderIsHuge() {
        byte[] mail = ("From: a@b.c\r\nSubject: " + "x".repeat(200_000) + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> inspector.inspect(mail))
            .isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void inspectShouldSurviveNulBytesBrokenBase64AndAnUnterminatedMultipart() throws Exception {
        byte[] mail = ("From: a@b.c\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
            + "--b\r\nContent-Type: application/pdf; name=\"x\0.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + "!!!not*base64\0\0\0===\r\n"
            + "--b\r\nContent-Type: text/plain; charset=\"no-such-charset\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + "=ZZ=0\0\r\n").getBytes(StandardCharsets.ISO_8859_1);

        assertThat(inspector.inspect(mail)).isEmpty();
    }

    @Test
    void inspectShouldHandleGarbageThatIsNoMimeAtAll() throws Exception {
        byte[] garbage = new byte[4096];
        new java.util.Random(42).nextBytes(garbage);

        assertThat(inspector.inspect(garbage)).isEmpty();
    }

    @Test
    void constructorShouldRejectAnInvalidMediaType() {
        assertThatThrownBy(() -> new AttachmentInspector(java.util.Set.of("not a type"), MAX_DEPTH))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("not a type");
    }
}
