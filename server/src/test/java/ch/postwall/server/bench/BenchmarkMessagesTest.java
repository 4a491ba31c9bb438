package ch.postwall.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Optional;

import org.apache.tika.parser.AutoDetectParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import ch.postwall.mailbox.opensearch.TikaAttachmentTextExtractor;

class BenchmarkMessagesTest {
    private final BenchmarkMessages messages = new BenchmarkMessages(10, "load@load.example", "bench@bench.example", false);

    @Test
    void messageShouldHaveTheRequestedSizeWhenGenerated() {
        assertThat(messages.message(7).length()).isBetween(10 * 1024, 10 * 1024 + 100);
    }

    @Test
    void messageShouldCarryItsOwnTokensOnlyWhenGenerated() {
        String message = messages.message(7);

        assertThat(message).contains("Subject: Benchmark " + BenchmarkMessages.subjectToken(7) + "\r\n")
            .contains("\r\n\r\n" + BenchmarkMessages.bodyToken(7) + "\r\n")
            .doesNotContain(BenchmarkMessages.bodyToken(8));
    }

    @Test
    void messageShouldNeedNoDotStuffingWhenSentOverSmtp() {
        assertThat(messages.message(7).split("\r\n")).noneMatch(line -> line.startsWith("."));
    }

    @Test
    void messageShouldCarryAnAttachmentWithItsOwnTokenWhenAttachmentsAreOn() {
        BenchmarkMessages withAttachments = new BenchmarkMessages(10, "load@load.example", "bench@bench.example", true);

        assertThat(withAttachments.message(7)).contains("Content-Type: multipart/mixed")
            .contains("filename=\"" + BenchmarkAttachments.forMessage(7).fileName + "\"");
        assertThat(withAttachments.searchToken(7)).isEqualTo(BenchmarkMessages.attachmentToken(7));
        assertThat(messages.searchToken(7)).isEqualTo(BenchmarkMessages.bodyToken(7));
    }

    @ParameterizedTest
    @EnumSource(BenchmarkAttachments.class)
    void attachmentTextShouldBeExtractedByTheIndexExtractorWhenIndexed(BenchmarkAttachments attachment) throws Exception {
        try (TikaAttachmentTextExtractor extractor = new TikaAttachmentTextExtractor(new AutoDetectParser(), 1_000_000, 10_000,
            Duration.ofSeconds(30))) {
            Optional<String> text = extractor.extract(new ByteArrayInputStream(attachment.document("attachtoken0000042")),
                attachment.contentType, Optional.of(attachment.fileName));

            assertThat(text).hasValueSatisfying(value -> assertThat(value).contains("attachtoken0000042"));
        }
    }
}
