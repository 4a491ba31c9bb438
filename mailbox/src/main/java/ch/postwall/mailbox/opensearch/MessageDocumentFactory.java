package ch.postwall.mailbox.opensearch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import javax.mail.Flags;

import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MessageAttachmentMetadata;
import org.apache.james.mailbox.store.mail.model.MailboxMessage;
import org.apache.james.mailbox.store.search.SearchUtil;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.field.DateTimeField;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.message.MaximalBodyDescriptor;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.util.MimeUtil;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Turns a stored message into the JSON document of the index (see message-index.json). */
class MessageDocumentFactory {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> ADDRESS_HEADERS = List.of("from", "to", "cc", "bcc");

    private final TikaAttachmentTextExtractor attachmentTextExtractor;

    MessageDocumentFactory(TikaAttachmentTextExtractor attachmentTextExtractor) {
        this.attachmentTextExtractor = attachmentTextExtractor;
    }

    ObjectNode create(Mailbox mailbox, MailboxMessage message) throws IOException, MimeException {
        ObjectNode document = JSON.objectNode();
        document.put("user", mailbox.getUser().asString());
        mailbox.getUser().getDomainPart().ifPresent(domain -> document.put("domain", domain.asString()));
        document.put("mailboxId", message.getMailboxId().serialize());
        document.put("uid", message.getUid().asLong());
        Optional.ofNullable(SearchUtil.getSerializedMessageIdIfSupportedByUnderlyingStorageOrNull(message))
            .ifPresent(id -> document.put("messageId", id));
        Optional.ofNullable(SearchUtil.getSerializedThreadIdIfSupportedByUnderlyingStorageOrNull(message))
            .ifPresent(id -> document.put("threadId", id));
        document.put("modSeq", message.getModSeq().asLong());
        document.put("size", message.getFullContentOctets());
        document.put("internalDate", message.getInternalDate().getTime());
        message.getSaveDate().ifPresent(date -> document.put("saveDate", date.getTime()));
        document.put("hasAttachment", MessageAttachmentMetadata.hasNonInlinedAttachment(message.getAttachments()));
        document.setAll(flags(message.createFlags()));

        Parsed parsed = parse(message);
        document.put("sentDate", parsed.sentDate.orElse(message.getInternalDate()).getTime());
        parsed.subject.ifPresent(subject -> document.put("subject", subject));
        document.put("sortBaseSubject", parsed.subject.map(SearchUtil::getBaseSubject).orElse(""));
        for (String type : ADDRESS_HEADERS) {
            document.set(type, parsed.addresses.get(ADDRESS_HEADERS.indexOf(type)));
        }
        document.put("sortFrom", parsed.firstMailbox(0));
        document.put("sortTo", parsed.firstMailbox(1));
        document.put("sortCc", parsed.firstMailbox(2));
        document.set("headers", parsed.headers);
        document.put("headerText", String.join("\n", parsed.headerText));
        document.put("textBody", parsed.textBody.toString());
        document.put("htmlBody", parsed.htmlBody.toString());
        document.set("attachments", parsed.attachments);
        return document;
    }

    static ObjectNode flags(Flags flags) {
        ObjectNode node = JSON.objectNode();
        ArrayNode systemFlags = node.putArray("flags");
        Stream.of(flags.getSystemFlags()).map(SystemFlag::nameOf).forEach(systemFlags::add);
        ArrayNode userFlags = node.putArray("userFlags");
        Stream.of(flags.getUserFlags()).forEach(userFlags::add);
        return node;
    }

    private Parsed parse(MailboxMessage message) throws IOException, MimeException {
        Parsed parsed = new Parsed();
        MimeStreamParser parser = new MimeStreamParser(MimeConfig.PERMISSIVE, DecodeMonitor.SILENT, new DefaultBodyDescriptorBuilder());
        parser.setContentDecoding(true);
        parser.setContentHandler(parsed);
        try (InputStream content = message.getFullContent()) {
            parser.parse(content);
        }
        return parsed;
    }

    private class Parsed extends AbstractContentHandler {
        private int messageDepth = 0;
        private int partDepth = 0;
        private Optional<Date> sentDate = Optional.empty();
        private Optional<String> subject = Optional.empty();
        private final List<ArrayNode> addresses = List.of(JSON.arrayNode(), JSON.arrayNode(), JSON.arrayNode(), JSON.arrayNode());
        private final List<String> firstMailboxes = new ArrayList<>(List.of("", "", "", ""));
        private final ArrayNode headers = JSON.arrayNode();
        private final List<String> headerText = new ArrayList<>();
        private final StringBuilder textBody = new StringBuilder();
        private final StringBuilder htmlBody = new StringBuilder();
        private final ArrayNode attachments = JSON.arrayNode();

        String firstMailbox(int type) {
            return firstMailboxes.get(type);
        }

        @Override
        public void startMessage() {
            messageDepth++;
        }

        @Override
        public void endMessage() {
            messageDepth--;
        }

        @Override
        public void startBodyPart() {
            partDepth++;
        }

        @Override
        public void endBodyPart() {
            partDepth--;
        }

        @Override
        public void field(Field field) {
            if (messageDepth != 1 || partDepth != 0) {
                return;
            }
            String name = field.getName();
            String value = decode(MimeUtil.unfold(Optional.ofNullable(field.getBody()).orElse("")));
            headers.addObject().put("name", name).put("value", value);
            headerText.add(name + ": " + value);
            String lowerName = name.toLowerCase(Locale.US);
            if (lowerName.equals("subject") && subject.isEmpty()) {
                subject = Optional.of(value);
            } else if (lowerName.equals("date") && sentDate.isEmpty()) {
                sentDate = parseDate(field);
            } else if (ADDRESS_HEADERS.contains(lowerName)) {
                indexAddresses(ADDRESS_HEADERS.indexOf(lowerName), field.getBody());
            }
        }

        private void indexAddresses(int type, String rawValue) {
            List<org.apache.james.mime4j.dom.address.Mailbox> mailboxes = new ArrayList<>();
            for (Address address : LenientAddressParser.DEFAULT.parseAddressList(MimeUtil.unfold(rawValue))) {
                if (address instanceof org.apache.james.mime4j.dom.address.Mailbox mailbox) {
                    mailboxes.add(mailbox);
                } else if (address instanceof Group group) {
                    mailboxes.addAll(group.getMailboxes());
                }
            }
            if (!mailboxes.isEmpty() && addresses.get(type).isEmpty()) {
                firstMailboxes.set(type, Optional.ofNullable(SearchUtil.getMailboxAddress(mailboxes.get(0))).orElse(""));
            }
            for (org.apache.james.mime4j.dom.address.Mailbox mailbox : mailboxes) {
                ObjectNode node = addresses.get(type).addObject();
                Optional.ofNullable(mailbox.getName()).map(MessageDocumentFactory::decode).ifPresent(name -> node.put("name", name));
                node.put("address", mailbox.getAddress());
                Optional.ofNullable(mailbox.getDomain()).ifPresent(domain -> node.put("domain", domain));
            }
        }

        @Override
        public void body(BodyDescriptor descriptor, InputStream content) throws IOException {
            MaximalBodyDescriptor part = (MaximalBodyDescriptor) descriptor;
            Optional<String> fileName = Optional.ofNullable(part.getContentDispositionFilename())
                .or(() -> Optional.ofNullable(part.getContentTypeParameters().get("name")))
                .map(MessageDocumentFactory::decode);
            boolean attachment = "attachment".equalsIgnoreCase(part.getContentDispositionType()) || fileName.isPresent();
            String mimeType = part.getMimeType().toLowerCase(Locale.US);
            if (attachment) {
                indexAttachment(content, mimeType, fileName);
            } else if (mimeType.equals("text/plain")) {
                textBody.append(new String(content.readAllBytes(), charset(part))).append('\n');
            } else if (mimeType.equals("text/html")) {
                htmlBody.append(new String(content.readAllBytes(), charset(part))).append('\n');
            }
        }

        private void indexAttachment(InputStream content, String mimeType, Optional<String> fileName) throws IOException {
            // The parser's stream is only valid during this call, and Tika runs on another thread.
            byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, attachmentTextExtractor.maxAttachmentSize()));
            ObjectNode node = attachments.addObject();
            fileName.ifPresent(name -> node.put("fileName", name));
            node.put("mediaType", mimeType);
            attachmentTextExtractor.extract(new ByteArrayInputStream(bytes), mimeType, fileName)
                .ifPresent(text -> node.put("text", text));
        }
    }

    private static Charset charset(MaximalBodyDescriptor part) {
        try {
            return Optional.ofNullable(part.getCharset()).map(Charset::forName).orElse(StandardCharsets.UTF_8);
        } catch (RuntimeException unknownCharset) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    private static Optional<Date> parseDate(Field field) {
        try {
            if (LenientFieldParser.getParser().parse(field, DecodeMonitor.SILENT) instanceof DateTimeField dateField) {
                return Optional.ofNullable(dateField.getDate());
            }
            return Optional.empty();
        } catch (RuntimeException unparsable) {
            return Optional.empty();
        }
    }

    private static String decode(String value) {
        return DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT);
    }
}
