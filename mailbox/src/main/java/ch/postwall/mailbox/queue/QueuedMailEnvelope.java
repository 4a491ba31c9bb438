package ch.postwall.mailbox.queue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.PerRecipientHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The envelope of a queued mail as JSON: everything a {@link Mail} carries besides its message (name, state, sender,
 * recipients, remote host, attributes, per-recipient headers, error message), and when the queue delivers it. Attributes
 * are written with James's own JSON form of attribute values; one that has none (an unserialisable object) is left out,
 * as James's persistent queues do.
 */
final class QueuedMailEnvelope {
    private static final Logger LOGGER = LoggerFactory.getLogger(QueuedMailEnvelope.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode fields;

    private QueuedMailEnvelope(ObjectNode fields) {
        this.fields = fields;
    }

    static byte[] encode(Mail mail, int priority, long dueMillis) throws IOException {
        ObjectNode fields = JSON.createObjectNode()
            .put("priority", priority)
            .put("due", dueMillis)
            .put("name", mail.getName())
            .put("state", mail.getState())
            .put("error", mail.getErrorMessage())
            .put("sender", mail.getMaybeSender().asString())
            .put("remoteHost", mail.getRemoteHost())
            .put("remoteAddr", mail.getRemoteAddr());
        if (mail.getLastUpdated() != null) {
            fields.put("lastUpdated", mail.getLastUpdated().getTime());
        }
        ArrayNode recipients = fields.putArray("recipients");
        mail.getRecipients().forEach(recipient -> recipients.add(recipient.asString()));
        ObjectNode attributes = fields.putObject("attributes");
        mail.attributes().forEach(attribute -> attribute.getValue().toJson()
            .ifPresent(value -> attributes.set(attribute.getName().asString(), value)));
        ObjectNode headers = fields.putObject("recipientHeaders");
        mail.getPerRecipientSpecificHeaders().getHeadersByRecipient().asMap().forEach((recipient, ofRecipient) -> {
            ArrayNode list = headers.putArray(recipient.asString());
            ofRecipient.forEach(header -> list.addArray().add(header.getName()).add(header.getValue()));
        });
        return JSON.writeValueAsBytes(fields);
    }

    static QueuedMailEnvelope decode(byte[] bytes, int offset, int length) throws IOException {
        JsonNode node = JSON.readTree(bytes, offset, length);
        if (!(node instanceof ObjectNode fields) || !fields.hasNonNull("name")) {
            throw new IOException("Not a queued mail envelope");
        }
        return new QueuedMailEnvelope(fields);
    }

    QueuedMail summary(Path file, long sequence) {
        List<String> recipients = new ArrayList<>();
        fields.path("recipients").forEach(recipient -> recipients.add(recipient.asText()));
        return new QueuedMail(file, sequence, fields.path("priority").asInt(), fields.path("due").asLong(),
            fields.get("name").asText(), fields.path("sender").asText(), recipients);
    }

    Mail mail(MimeMessage message) throws MessagingException {
        MailImpl.Builder mail = MailImpl.builder()
            .name(fields.get("name").asText())
            .sender(MaybeSender.getMailSender(text("sender")))
            .state(text("state"))
            .errorMessage(text("error"))
            .remoteHost(text("remoteHost"))
            .remoteAddr(text("remoteAddr"))
            .mimeMessage(message);
        if (fields.hasNonNull("lastUpdated")) {
            mail.lastUpdated(new Date(fields.get("lastUpdated").asLong()));
        }
        for (JsonNode recipient : fields.path("recipients")) {
            mail.addRecipient(new MailAddress(recipient.asText()));
        }
        for (Map.Entry<String, JsonNode> attribute : iterable(fields.path("attributes"))) {
            try {
                mail.addAttribute(new Attribute(AttributeName.of(attribute.getKey()), AttributeValue.fromJson(attribute.getValue())));
            } catch (RuntimeException e) {
                // A value whose class this server no longer has: the mail still goes on, without that attribute.
                LOGGER.warn("Queued mail {}: attribute {} cannot be read back, left out", fields.get("name").asText(), attribute.getKey(), e);
            }
        }
        PerRecipientHeaders headers = new PerRecipientHeaders();
        for (Map.Entry<String, JsonNode> ofRecipient : iterable(fields.path("recipientHeaders"))) {
            MailAddress recipient = new MailAddress(ofRecipient.getKey());
            for (JsonNode header : ofRecipient.getValue()) {
                headers.addHeaderForRecipient(PerRecipientHeaders.Header.builder()
                    .name(header.path(0).asText()).value(header.path(1).asText()), recipient);
            }
        }
        return mail.addAllHeadersForRecipients(headers).build();
    }

    private String text(String field) {
        JsonNode value = fields.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        return object::fields;
    }
}
