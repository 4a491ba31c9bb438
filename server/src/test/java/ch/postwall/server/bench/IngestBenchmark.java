package ch.postwall.server.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.ToDoubleFunction;

import ch.postwall.server.PostwallServerExtension;

/**
 * The ingest and IMAP benchmark (issue 2): N messages of S KB over C SMTP sessions into one mailbox,
 * end to end until IMAP shows all of them, then IMAP FETCH and SEARCH latencies; on Postwall and, in
 * the same run and by the same method, on Postfix -> LMTP -> Dovecot. Prints one table. How to run it:
 * {@code server/bench/README.md}.
 */
public final class IngestBenchmark {
    private static final String DOMAIN = "bench.example";
    private static final String USER = "bench@" + DOMAIN;
    private static final String PASSWORD = "bench-secret";
    private static final Duration MINIMUM_TIMEOUT = Duration.ofMinutes(2);

    private final BenchmarkParameters parameters;
    private final PrintStream out;

    private IngestBenchmark(BenchmarkParameters parameters, PrintStream out) {
        this.parameters = parameters;
        this.out = out;
    }

    public static void main(String[] arguments) throws Exception {
        new IngestBenchmark(BenchmarkParameters.parse(arguments), System.out).run();
        // The JDK HTTP client keeps non-daemon threads: leave explicitly once the table is printed.
        System.exit(0);
    }

    private void run() throws Exception {
        // Readable by all: Postfix and Dovecot processes of the reference run as unprivileged users below it.
        Path work = Files.createTempDirectory("postwall-bench", PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwxr-xr-x")));
        // Kept when the run fails: the servers' logs and configuration are in there.
        out.printf("Work directory (removed after a successful run): %s%n", work);
        List<BenchmarkResult> results = new ArrayList<>();
        out.printf("Postwall ingest benchmark: %d messages x %d KB over %d SMTP sessions, %d IMAP requests per kind%n",
        parameters.messages, parameters.sizeKb, parameters.sessions, parameters.requests);
        try (BenchmarkTarget postwall = PostwallTarget.start(work.resolve("postwall"))) {
            results.add(measure(postwall));
        }
        if (parameters.reference) {
            try (BenchmarkTarget reference = ReferenceMailSystem.start(
                Files.createDirectories(work.resolve("reference")), DOMAIN, PASSWORD)) {
                results.add(measure(reference));
            }
        }
        new ResultTable(results).print(out);
        PostwallServerExtension.deleteRecursively(work);
    }

    private BenchmarkResult measure(BenchmarkTarget target) throws Exception {
        out.printf("%s: sending...%n", target.name());
        target.createMailbox(USER, PASSWORD);
        long rssBefore = target.residentMemoryBytes();
        BenchmarkMessages messages = new BenchmarkMessages(parameters.sizeKb, "load@load.example", USER);
        Duration timeout = timeout();
        Duration accept;
        Duration endToEnd;
        try (ImapSession poller = ImapSession.login(target.imapPort(), target.tls(), USER, PASSWORD)) {
            long start = System.nanoTime();
            accept = SmtpLoad.send(target.smtpPort(), messages, parameters.messages, parameters.sessions, timeout);
            endToEnd = Duration.ofNanos(poller.awaitInboxMessages(parameters.messages, timeout) - start);
        }
        out.printf("%s: all %d messages in the INBOX after %.1f s; IMAP requests...%n",
            target.name(), parameters.messages, endToEnd.toMillis() / 1000.0);
        try (ImapSession imap = ImapSession.login(target.imapPort(), target.tls(), USER, PASSWORD)) {
            imap.command("EXAMINE INBOX");
            return requests(target, imap, accept, endToEnd, rssBefore);
        }
    }

    private BenchmarkResult requests(BenchmarkTarget target, ImapSession imap, Duration accept, Duration endToEnd,
                                     long rssBefore) {
        Latencies fetch = new Latencies(parameters.requests);
        Latencies searchHeader = new Latencies(parameters.requests);
        Latencies searchBody = new Latencies(parameters.requests);
        int wrongAnswers = 0;
        Random random = new Random(42);
        for (int request = 0; request < parameters.requests; request++) {
            int index = random.nextInt(parameters.messages);
            fetch.record(timed(() -> imap.command("FETCH " + (index + 1) + " BODY.PEEK[]")));
            List<String> header = new ArrayList<>();
            searchHeader.record(timed(() -> header.addAll(
                imap.command("SEARCH HEADER Subject \"" + BenchmarkMessages.subjectToken(index) + "\""))));
            List<String> body = new ArrayList<>();
            searchBody.record(timed(() -> body.addAll(
                imap.command("SEARCH BODY \"" + BenchmarkMessages.bodyToken(index) + "\""))));
            wrongAnswers += hits(header) == 1 ? 0 : 1;
            wrongAnswers += hits(body) == 1 ? 0 : 1;
        }
        return new BenchmarkResult(target.name(), parameters.messages, accept, endToEnd, fetch, searchHeader, searchBody,
            wrongAnswers, rssBefore, target.residentMemoryBytes());
    }

    /** Each message carries its tokens once, so a correct SEARCH answers exactly one message number. */
    private static int hits(List<String> response) {
        return response.stream()
            .filter(line -> line.startsWith("* SEARCH"))
            .mapToInt(line -> line.substring("* SEARCH".length()).trim().isEmpty() ? 0
                : line.substring("* SEARCH".length()).trim().split(" ").length)
            .sum();
    }

    private static long timed(Runnable request) {
        long start = System.nanoTime();
        request.run();
        return System.nanoTime() - start;
    }

    /** Generous, but bounded: a system that stalls fails the run instead of hanging it. */
    private Duration timeout() {
        Duration scaled = Duration.ofMillis(200L * parameters.messages * Math.max(1, parameters.sizeKb / 10));
        return scaled.compareTo(MINIMUM_TIMEOUT) > 0 ? scaled : MINIMUM_TIMEOUT;
    }

    /** The printed figures, one column per system and a ratio column Postwall / reference. */
    private static final class ResultTable {
        private final List<BenchmarkResult> results;

        ResultTable(List<BenchmarkResult> results) {
            this.results = results;
        }

        void print(PrintStream out) {
            out.println();
            StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-30s", "measure"));
            results.forEach(result -> header.append(String.format(Locale.ROOT, "%22s", result.system)));
            if (results.size() == 2) {
                header.append(String.format(Locale.ROOT, "%12s", "ratio P/R"));
            }
            out.println(header);
            row(out, "SMTP accept rate (msg/s)", BenchmarkResult::acceptRate);
            row(out, "end-to-end rate (msg/s)", BenchmarkResult::endToEndRate);
            row(out, "FETCH BODY[] p50 (ms)", result -> result.fetch.percentileMillis(50));
            row(out, "FETCH BODY[] p99 (ms)", result -> result.fetch.percentileMillis(99));
            row(out, "SEARCH HEADER p50 (ms)", result -> result.searchHeader.percentileMillis(50));
            row(out, "SEARCH HEADER p99 (ms)", result -> result.searchHeader.percentileMillis(99));
            row(out, "SEARCH BODY p50 (ms)", result -> result.searchBody.percentileMillis(50));
            row(out, "SEARCH BODY p99 (ms)", result -> result.searchBody.percentileMillis(99));
            row(out, "wrong SEARCH answers", result -> result.wrongSearchAnswers);
            row(out, "RSS before (MB)", result -> result.rssBefore / 1048576.0);
            row(out, "RSS after (MB)", result -> result.rssAfter / 1048576.0);
        }

        private void row(PrintStream out, String name, ToDoubleFunction<BenchmarkResult> measure) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-30s", name));
            results.forEach(result -> line.append(String.format(Locale.ROOT, "%22.1f", measure.applyAsDouble(result))));
            if (results.size() == 2) {
                double reference = measure.applyAsDouble(results.get(1));
                line.append(reference == 0 ? String.format(Locale.ROOT, "%12s", "-")
                    : String.format(Locale.ROOT, "%12.2f", measure.applyAsDouble(results.get(0)) / reference));
            }
            out.println(line);
        }
    }
}
