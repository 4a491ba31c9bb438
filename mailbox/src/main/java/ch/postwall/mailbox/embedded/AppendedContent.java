package ch.postwall.mailbox.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.apache.james.mailbox.model.Content;
import org.apache.james.mailbox.store.mail.model.impl.PropertyBuilder;
import org.apache.james.mailbox.store.streaming.CountingInputStream;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.message.HeaderImpl;
import org.apache.james.mime4j.message.MaximalBodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;
import org.apache.james.util.io.BodyOffsetInputStream;
import org.apache.james.util.io.UnsynchronizedBufferedInputStream;

/**
 * What the mailbox stores about a message beside its bytes, read from its top-level header as James's
 * {@code StoreMessageManager} reads it for an append: the MIME properties IMAP's BODYSTRUCTURE answers from, the
 * offset of the body, and the line count of a text body. {@link GroupedAppends} stores messages through this instead
 * of James's private parsing; {@code GroupedAppendsTest} checks both store the same.
 */
record AppendedContent(HeaderImpl headers, PropertyBuilder properties, int bodyStartOctet) {
    private static final LenientFieldParser FIELD_PARSER = new LenientFieldParser();

    static AppendedContent read(Content content) throws IOException, MimeException {
        try (InputStream in = content.getInputStream();
             BodyOffsetInputStream offsets = new BodyOffsetInputStream(new UnsynchronizedBufferedInputStream(in))) {
            MimeTokenStream parser = new MimeTokenStream(MimeConfig.PERMISSIVE,
                new DefaultBodyDescriptorBuilder(null, FIELD_PARSER, DecodeMonitor.SILENT));
            parser.setRecursionMode(RecursionMode.M_NO_RECURSE);
            parser.parse(offsets);
            HeaderImpl headers = new HeaderImpl();
            EntityState state = parser.next();
            while (state != EntityState.T_BODY && state != EntityState.T_END_OF_STREAM && state != EntityState.T_START_MULTIPART) {
                if (state == EntityState.T_FIELD) {
                    headers.addField(parser.getField());
                }
                state = parser.next();
            }
            MaximalBodyDescriptor descriptor = (MaximalBodyDescriptor) parser.getBodyDescriptor();
            String mediaType = descriptor.getMediaType() != null ? descriptor.getMediaType() : "text";
            PropertyBuilder properties = properties(descriptor, mediaType);
            if ("text".equalsIgnoreCase(mediaType)) {
                properties.setTextualLineCount(textLines(parser));
            }
            return new AppendedContent(headers, properties, (int) Math.max(0, offsets.getBodyStartOffset()));
        }
    }

    /** Without a media type in the header: text/plain, in us-ascii unless a charset is named. */
    private static PropertyBuilder properties(MaximalBodyDescriptor descriptor, String mediaType) {
        PropertyBuilder properties = new PropertyBuilder();
        properties.setMediaType(mediaType);
        properties.setSubType(descriptor.getMediaType() != null ? descriptor.getSubType() : "plain");
        properties.setContentID(descriptor.getContentId());
        properties.setContentDescription(descriptor.getContentDescription());
        properties.setContentLocation(descriptor.getContentLocation());
        properties.setContentMD5(descriptor.getContentMD5Raw());
        properties.setContentTransferEncoding(descriptor.getTransferEncoding());
        properties.setContentLanguage(descriptor.getContentLanguage());
        properties.setContentDispositionType(descriptor.getContentDispositionType());
        properties.setContentDispositionParameters(descriptor.getContentDispositionParameters());
        properties.setContentTypeParameters(descriptor.getContentTypeParameters());
        Optional.ofNullable(descriptor.getCharset())
            .or(() -> "text".equalsIgnoreCase(mediaType) ? Optional.of("us-ascii") : Optional.empty())
            .ifPresent(properties::setCharset);
        return properties;
    }

    /** Lines of the body, and of an epilogue after it. */
    private static long textLines(MimeTokenStream parser) throws IOException, MimeException {
        long lines = countLines(parser.getInputStream());
        if (parser.next() == EntityState.T_EPILOGUE) {
            lines += countLines(parser.getInputStream());
        }
        return lines;
    }

    private static long countLines(InputStream in) throws IOException {
        try (CountingInputStream counting = new CountingInputStream(in)) {
            counting.readAll();
            return counting.getLineCount();
        }
    }
}
