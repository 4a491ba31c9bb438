package ch.postwall.server.bench;

import java.time.Duration;
import java.util.Optional;

/** What one run measured on one system. */
final class BenchmarkResult {
    final String system;
    final int messages;
    final Duration accept;
    final Duration endToEnd;
    /** CPU time the system's processes used from the first connect until all messages were visible. */
    final Duration ingestCpu;
    final ImapRequests imap;
    final ResidentMemory memoryBefore;
    final ResidentMemory memoryAfter;
    /** Empty when the run measures no indexing lag ({@code --lag-samples=0}). */
    final Optional<IndexingLag> lag;

    BenchmarkResult(String system, int messages, Duration accept, Duration endToEnd, Duration ingestCpu, ImapRequests imap,
                    ResidentMemory memoryBefore, ResidentMemory memoryAfter, Optional<IndexingLag> lag) {
        this.system = system;
        this.messages = messages;
        this.accept = accept;
        this.endToEnd = endToEnd;
        this.ingestCpu = ingestCpu;
        this.imap = imap;
        this.memoryBefore = memoryBefore;
        this.memoryAfter = memoryAfter;
        this.lag = lag;
    }

    double acceptRate() {
        return rate(accept);
    }

    double endToEndRate() {
        return rate(endToEnd);
    }

    double cpuMillisPerMessage() {
        return ingestCpu.toNanos() / 1e6 / messages;
    }

    private double rate(Duration duration) {
        return messages / (duration.toNanos() / 1e9);
    }
}
