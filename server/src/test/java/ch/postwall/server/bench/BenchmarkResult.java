package ch.postwall.server.bench;

import java.time.Duration;

/** What one run measured on one system. */
final class BenchmarkResult {
    final String system;
    final int messages;
    final Duration accept;
    final Duration endToEnd;
    final ImapRequests imap;
    final ResidentMemory memoryBefore;
    final ResidentMemory memoryAfter;

    BenchmarkResult(String system, int messages, Duration accept, Duration endToEnd, ImapRequests imap,
                    ResidentMemory memoryBefore, ResidentMemory memoryAfter) {
        this.system = system;
        this.messages = messages;
        this.accept = accept;
        this.endToEnd = endToEnd;
        this.imap = imap;
        this.memoryBefore = memoryBefore;
        this.memoryAfter = memoryAfter;
    }

    double acceptRate() {
        return rate(accept);
    }

    double endToEndRate() {
        return rate(endToEnd);
    }

    private double rate(Duration duration) {
        return messages / (duration.toNanos() / 1e9);
    }
}
