package ch.postwall.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchmarkMessagesTest {
    private final BenchmarkMessages messages = new BenchmarkMessages(10, "load@load.example", "bench@bench.example");

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
}
