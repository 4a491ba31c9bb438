package ch.postwall.mailbox.opensearch;

import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.BoundedInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.util.concurrent.ThreadFactoryBuilder;

/**
 * Extracts the text of one attachment with the Tika library, in process. Attachments come from
 * anyone: each parse is bounded in input size, output length and time, and any failure only costs
 * the text of that attachment, never the indexing of the message.
 */
public class TikaAttachmentTextExtractor implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(TikaAttachmentTextExtractor.class);

    private final Parser parser;
    private final long maxAttachmentSize;
    private final int maxTextLength;
    private final Duration timeout;
    private final ExecutorService executor;

    public TikaAttachmentTextExtractor(OpenSearchConfiguration configuration) {
        this(new AutoDetectParser(), configuration.tikaMaxAttachmentSize(), configuration.tikaMaxTextLength(), configuration.tikaTimeout());
    }

    public TikaAttachmentTextExtractor(Parser parser, long maxAttachmentSize, int maxTextLength, Duration timeout) {
        this.parser = parser;
        this.maxAttachmentSize = maxAttachmentSize;
        this.maxTextLength = maxTextLength;
        this.timeout = timeout;
        // A fixed pool: a parser stuck in a loop that ignores interruption keeps its thread, so hostile
        // attachments can cost at most these threads, after which extractions time out. Daemon threads,
        // so that such a parser does not keep the JVM alive.
        this.executor = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
            new ThreadFactoryBuilder().setNameFormat("tika-extractor-%d").setDaemon(true).build());
    }

    public long maxAttachmentSize() {
        return maxAttachmentSize;
    }

    /**
     * @param content the decoded attachment content; only its first maxAttachmentSize bytes are read
     * @return the text, empty when the attachment has none or cannot be parsed in time
     */
    public Optional<String> extract(InputStream content, String mediaType, Optional<String> fileName) {
        Future<String> parsing = executor.submit(() -> parse(content, mediaType, fileName));
        try {
            return Optional.of(parsing.get(timeout.toMillis(), TimeUnit.MILLISECONDS).strip())
                .filter(text -> !text.isEmpty());
        } catch (TimeoutException e) {
            parsing.cancel(true);
            LOGGER.warn("Attachment text extraction of a {} attachment exceeded {}: skipped", mediaType, timeout);
            return Optional.empty();
        } catch (ExecutionException e) {
            LOGGER.info("Attachment text extraction of a {} attachment failed: {}", mediaType, e.getCause().toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            parsing.cancel(true);
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private String parse(InputStream content, String mediaType, Optional<String> fileName) throws Exception {
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, mediaType);
        fileName.ifPresent(name -> metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name));
        BodyContentHandler handler = new BodyContentHandler(maxTextLength);
        try (InputStream bounded = new BoundedInputStream(maxAttachmentSize, content)) {
            parser.parse(bounded, handler, metadata, new ParseContext());
        } catch (Exception e) {
            // Tika signals a reached text limit by an exception: the text gathered so far is what we want.
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                throw e;
            }
        }
        return handler.toString();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
