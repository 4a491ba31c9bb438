package ch.postwall.server.bench;

import java.time.Duration;

/** What one run measured on one system. */
final class BenchmarkResult {
    final String system;
    final int messages;
    final Duration accept;
    final Duration endToEnd;
    final Latencies fetch;
    final Latencies searchHeader;
    final Latencies searchBody;
    final int wrongSearchAnswers;
    final long rssBefore;
    final long rssAfter;

    BenchmarkResult(String system, int messages, Duration accept, Duration endToEnd, Latencies fetch,
                    Latencies searchHeader, Latencies searchBody, int wrongSearchAnswers, long rssBefore, long rssAfter) {
        this.system = system;
        this.messages = messages;
        this.accept = accept;
        this.endToEnd = endToEnd;
        this.fetch = fetch;
        this.searchHeader = searchHeader;
        this.searchBody = searchBody;
        this.wrongSearchAnswers = wrongSearchAnswers;
        this.rssBefore = rssBefore;
        this.rssAfter = rssAfter;
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
