package ch.postwall.filter.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import javax.mail.BodyPart;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.apache.james.core.builder.MimeMessageBuilder;

/** The message the gateway tests relay, and a reader for the failure notices they expect. */
final class GatewayFixtures {
    static final String SECRET_BODY = "The quarterly figures nobody else may read";
    static final String SECRET_HEADER_VALUE = "internal-only-value";

    record Notice(String raw, String explanation, String deliveryStatus, String originalHeaders) {
        static Notice of(MimeMessage notice) throws MessagingException, IOException {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            notice.writeTo(raw);
            MimeMultipart report = (MimeMultipart) notice.getContent();
            return new Notice(raw.toString(StandardCharsets.UTF_8), text(report.getBodyPart(0)),
                text(report.getBodyPart(1)), text(report.getBodyPart(2)));
        }

        private static String text(BodyPart part) throws MessagingException, IOException {
            try (InputStream content = part.getInputStream()) {
                return new String(content.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    static MimeMessage originalMessage() throws MessagingException {
        MimeMessage message = MimeMessageBuilder.mimeMessageBuilder()
            .addFrom("Sender <sender@origin.test>")
            .addToRecipient("alice@example.com")
            .addCcRecipient("carol@elsewhere.test")
            .setSubject("Quarterly figures")
            .addHeader("X-Internal", SECRET_HEADER_VALUE)
            .addHeader("Date", "Fri, 20 Nov 2026 10:00:00 +0000")
            .setText(SECRET_BODY)
            .build();
        message.setHeader("Message-ID", "<figures-1@origin.test>");
        return message;
    }

    private GatewayFixtures() {
    }
}
