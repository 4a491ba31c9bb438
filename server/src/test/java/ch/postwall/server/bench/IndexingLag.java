package ch.postwall.server.bench;

import java.time.Duration;

import ch.postwall.server.LineClient;

/**
 * Indexing lag: for each sample message, sent alone into the filled mailbox, the time from its 250 reply
 * until {@code UID SEARCH TEXT} for its unique token (in the attachment when messages carry one) finds it,
 * polled every 20 ms in a session that has the INBOX open.
 */
final class IndexingLag {
    private static final long POLL_MILLIS = 20;
    private static final Duration SAMPLE_TIMEOUT = Duration.ofSeconds(30);

    final Latencies lags;
    final int notFound;

    private IndexingLag(Latencies lags, int notFound) {
        this.lags = lags;
        this.notFound = notFound;
    }

    /** Sends messages {@code first .. first + samples - 1}; a message not found within 30 s counts as not found. */
    static IndexingLag measure(BenchmarkTarget target, BenchmarkMessages messages, ImapSession imap, int first, int samples)
        throws InterruptedException {
        imap.command("EXAMINE INBOX");
        Latencies lags = new Latencies(samples);
        int notFound = 0;
        try (LineClient smtp = SmtpLoad.open(target.smtpPort())) {
            for (int index = first; index < first + samples; index++) {
                String token = target.searchesAttachmentText() ? messages.searchToken(index) : BenchmarkMessages.bodyToken(index);
                SmtpLoad.sendOne(smtp, messages, index);
                long accepted = System.nanoTime();
                long deadline = accepted + SAMPLE_TIMEOUT.toNanos();
                boolean found = false;
                while (!found && System.nanoTime() < deadline) {
                    found = ImapRequests.hits(imap.command("UID SEARCH TEXT \"" + token + "\"")) == 1;
                    if (found) {
                        lags.record(System.nanoTime() - accepted);
                    } else {
                        Thread.sleep(POLL_MILLIS);
                    }
                }
                notFound += found ? 0 : 1;
            }
            smtp.smtp("QUIT");
        }
        return new IndexingLag(lags, notFound);
    }
}
