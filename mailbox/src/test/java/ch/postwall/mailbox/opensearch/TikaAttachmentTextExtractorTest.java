package ch.postwall.mailbox.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TikaAttachmentTextExtractorTest {
    private TikaAttachmentTextExtractor extractor;

    @AfterEach
    void tearDown() {
        extractor.close();
    }

    private void withLimits(long maxAttachmentSize, int maxTextLength) {
        extractor = new TikaAttachmentTextExtractor(new AutoDetectParser(), maxAttachmentSize, maxTextLength, Duration.ofSeconds(10));
    }

    private Optional<String> extract(String content, String mediaType, String fileName) {
        return extractor.extract(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), mediaType, Optional.of(fileName));
    }

    @Test
    void extractShouldReturnTextOfHtmlAttachment() {
        withLimits(1024, 1000);

        assertThat(extract("<html><body><h1>Rapport</h1><p>Chiffres du trimestre</p></body></html>", "text/html", "rapport.html"))
            .hasValueSatisfying(text -> assertThat(text).contains("Rapport").contains("Chiffres du trimestre").doesNotContain("<p>"));
    }

    @Test
    void extractShouldDetectTextDeclaredAsOctetStream() {
        withLimits(1024, 1000);

        assertThat(extract("Sunny beaches of Lisbon", "application/octet-stream", "notes.txt")).contains("Sunny beaches of Lisbon");
    }

    @Test
    void extractShouldReturnTextOfWordDocument() throws Exception {
        withLimits(1_000_000, 1000);
        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        try (XWPFDocument document = new XWPFDocument()) {
            document.createParagraph().createRun().setText("Quarterly figures for Geneva");
            document.write(docx);
        }

        assertThat(extractor.extract(new ByteArrayInputStream(docx.toByteArray()),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Optional.of("report.docx")))
            .hasValueSatisfying(text -> assertThat(text).contains("Quarterly figures for Geneva"));
    }

    @Test
    void extractShouldBeEmptyForCorruptPdf() {
        withLimits(1024, 1000);

        assertThat(extract("%PDF-1.4 not a PDF at all", "application/pdf", "broken.pdf")).isEmpty();
    }

    @Test
    void extractShouldCutTextAtMaxLength() {
        withLimits(10_000, 10);

        assertThat(extract("abcdefghijklmnopqrstuvwxyz", "text/plain", "letters.txt")).contains("abcdefghij");
    }

    @Test
    void extractShouldReadOnlyMaxAttachmentSize() {
        withLimits(5, 1000);

        assertThat(extract("abcdefghijklmnopqrstuvwxyz", "text/plain", "letters.txt")).contains("abcde");
    }

    @Test
    void extractShouldGiveUpAfterTimeout() {
        Parser endless = new Parser() {
            @Override
            public Set<MediaType> getSupportedTypes(ParseContext context) {
                return Set.of(MediaType.TEXT_PLAIN);
            }

            @Override
            public void parse(java.io.InputStream stream, org.xml.sax.ContentHandler handler,
                              org.apache.tika.metadata.Metadata metadata, ParseContext context) {
                // A hostile document keeping the parser busy, deaf to interruption; it gives up after
                // a while only so as not to linger in the test JVM.
                Instant end = Instant.now().plusSeconds(10);
                while (Instant.now().isBefore(end)) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException ignored) {
                        // deaf on purpose
                    }
                }
            }
        };
        extractor = new TikaAttachmentTextExtractor(endless, 1024, 1000, Duration.ofMillis(300));
        Instant start = Instant.now();

        assertThat(extract("anything", "text/plain", "slow.txt")).isEmpty();
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
    }
}
