package ch.postwall.filter.attachment;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.message.MaximalBodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;

/**
 * Detects the real content type of every MIME part with Apache Tika (magic bytes first, the file name
 * only as a hint) and reports the parts whose type is, or specialises, a blocked type.
 * <p>
 * The mail's own text is not sniffed: a part declared {@code text/plain} or {@code text/html}, with no file name
 * and not marked as an attachment, is what mail clients display, never a file they offer to open or save. Running
 * Tika's thousand magic patterns over it cost more than the rest of the SMTP DATA handling together.
 */
public class AttachmentInspector {
    private static final Set<String> DISPLAYED_TEXT_TYPES = Set.of("text/plain", "text/html");

    private final Set<MediaType> blockedTypes;
    private final int maxNestingDepth;
    private final Detector detector;
    private final MediaTypeRegistry registry;

    public AttachmentInspector(Set<String> blockedTypes, int maxNestingDepth) {
        this.blockedTypes = blockedTypes.stream().map(AttachmentInspector::parseType).collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.maxNestingDepth = maxNestingDepth;
        TikaConfig tika = TikaConfig.getDefaultConfig();
        this.detector = tika.getDetector();
        this.registry = tika.getMediaTypeRegistry();
    }

    private static MediaType parseType(String type) {
        MediaType parsed = MediaType.parse(type);
        if (parsed == null) {
            throw new IllegalArgumentException("Invalid media type '" + type + "'");
        }
        return parsed;
    }

    public List<BlockedPart> inspect(byte[] rawMessage) throws MalformedMessageException {
        // Headers parsed leniently, as mail clients read them; mime4j's strict parser also throws (and catches) an
        // exception at the end of every Content-Type it reads, a cost paid for every part of every mail.
        MimeTokenStream stream = new MimeTokenStream(mimeConfig(),
            new DefaultBodyDescriptorBuilder(null, LenientFieldParser.getParser(), DecodeMonitor.SILENT));
        stream.parse(new ByteArrayInputStream(rawMessage));
        List<BlockedPart> blocked = new ArrayList<>();
        int depth = 0;
        try {
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                switch (state) {
                    case T_START_MULTIPART, T_START_MESSAGE -> {
                        depth++;
                        if (depth > maxNestingDepth) {
                            throw new MalformedMessageException("MIME nesting deeper than " + maxNestingDepth);
                        }
                    }
                    case T_END_MULTIPART, T_END_MESSAGE -> depth--;
                    case T_BODY -> inspectBody(stream, blocked);
                    default -> {
                        // Headers, preambles and epilogues carry no attachment.
                    }
                }
            }
        } catch (MimeException | IOException e) {
            throw new MalformedMessageException("Unreadable MIME structure: " + e.getMessage(), e);
        }
        return blocked;
    }

    private MimeConfig mimeConfig() {
        return MimeConfig.custom()
            .setMaxLineLen(-1)
            .setMaxHeaderCount(1000)
            .setMaxHeaderLen(100_000)
            .build();
    }

    private void inspectBody(MimeTokenStream stream, List<BlockedPart> blocked) throws IOException {
        MaximalBodyDescriptor descriptor = (MaximalBodyDescriptor) stream.getBodyDescriptor();
        Optional<String> fileName = Optional.ofNullable(descriptor.getContentDispositionFilename())
            .or(() -> Optional.ofNullable(descriptor.getContentTypeParameters().get("name")));
        if (isDisplayedText(descriptor, fileName)) {
            return;
        }
        Metadata metadata = new Metadata();
        fileName.ifPresent(name -> metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name));
        try (InputStream body = new BufferedInputStream(stream.getDecodedInputStream())) {
            MediaType detected = detector.detect(body, metadata);
            if (isBlocked(detected)) {
                blocked.add(new BlockedPart(fileName, descriptor.getMimeType(), detected.toString()));
            }
        }
    }

    private static boolean isDisplayedText(MaximalBodyDescriptor descriptor, Optional<String> fileName) {
        return fileName.isEmpty()
            && DISPLAYED_TEXT_TYPES.contains(descriptor.getMimeType())
            && !"attachment".equalsIgnoreCase(descriptor.getContentDispositionType());
    }

    private boolean isBlocked(MediaType detected) {
        for (MediaType type = detected; type != null; type = registry.getSupertype(type)) {
            if (blockedTypes.contains(type.getBaseType())) {
                return true;
            }
        }
        return false;
    }
}
