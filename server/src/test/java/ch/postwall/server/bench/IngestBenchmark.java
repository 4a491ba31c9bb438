package ch.postwall.server.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import ch.postwall.server.PostwallServerExtension;
import ch.postwall.server.TestConfiguration;

/**
 * The ingest and IMAP benchmark (issue 2): N messages of S KB over C SMTP sessions into one mailbox,
 * end to end until IMAP shows all of them, then IMAP FETCH and SEARCH latencies; on Postwall and, in
 * the same run and by the same method, on Postfix -> LMTP -> Dovecot. Options add the distributed backend,
 * attachments and the indexing lag (issue 3), and real spamd and clamd with the filter chain's own overhead
 * (issue 4). Prints one table. How to run it:
 * {@code server/bench/README.md}.
 */
public final class IngestBenchmark {
    private static final String DOMAIN = "bench.example";
    private static final String USER = "bench@" + DOMAIN;
    private static final String WARMUP_USER = "warmup@" + DOMAIN;
    private static final String BULK_WARMUP_USER = "warmup-bulk@" + DOMAIN;
    /** Warm-up messages of the mailbox the IMAP requests are warmed on: a SEARCH BODY of a big one costs Dovecot seconds. */
    private static final int IMAP_WARMUP_MESSAGES = 1000;
    private static final String PASSWORD = "bench-secret";
    private static final Duration MINIMUM_TIMEOUT = Duration.ofMinutes(2);
    /** CPU time per second below which a system counts as quiet (5% of a core), for how long, and the longest wait. */
    private static final Duration QUIET_CPU = Duration.ofMillis(50);
    private static final int QUIET_SECONDS = 3;
    private static final Duration QUIET_LIMIT = Duration.ofMinutes(2);

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
        out.printf("Postwall ingest benchmark: %d messages x %d KB%s over %d SMTP sessions, %d IMAP requests per kind, "
                + "backend %s, filter %s; load average %s",
            parameters.messages, parameters.sizeKb, parameters.attachments ? " with an attachment" : "", parameters.sessions,
            parameters.requests, parameters.backend, parameters.filter, loadAverage());
        Optional<FilterChainOverhead> overhead = Optional.empty();
        if (parameters.filter == BenchmarkParameters.Filter.SCANNERS) {
            out.println("Starting spamd and clamd...");
            try (Scanners scanners = Scanners.start()) {
                results.add(measurePostwall(work, scanners.filterProperties(), "+scanners"));
                out.printf("Filter chain in process: %d messages through FilterMessageHook...%n", parameters.overheadMessages);
                overhead = Optional.of(FilterChainOverhead.measure(messages(USER), parameters.overheadMessages, scanners));
            }
        } else {
            results.add(measurePostwall(work, TestConfiguration.OFFLINE_FILTER, ""));
        }
        if (parameters.reference) {
            try (BenchmarkTarget reference = ReferenceMailSystem.start(
                Files.createDirectories(work.resolve("reference")), DOMAIN, PASSWORD)) {
                results.add(measure(reference));
            }
        }
        new ResultTable(results, parameters.lagSamples > 0).print(out);
        overhead.ifPresent(this::printOverhead);
        out.printf("%nLoad average at the end: %s", loadAverage());
        PostwallServerExtension.deleteRecursively(work);
    }

    private BenchmarkResult measurePostwall(Path work, Map<String, String> filterProperties, String filterName) throws Exception {
        out.printf("Starting Postwall (%s backend)...%n", parameters.backend.name().toLowerCase(Locale.ROOT));
        try (BenchmarkTarget postwall = PostwallTarget.start(work.resolve("postwall"), parameters.backend, filterProperties,
            filterName)) {
            return measure(postwall);
        }
    }

    private BenchmarkMessages messages(String user) {
        return new BenchmarkMessages(parameters.sizeKb, "load@load.example", user, parameters.attachments);
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg"));
    }

    private void printOverhead(FilterChainOverhead overhead) {
        out.println();
        out.printf(Locale.ROOT, "%-44s%12.1f%n", "filter chain overhead (us/msg)", overhead.chainMicros());
        out.printf(Locale.ROOT, "%-44s%12.1f%n", "time in spamd (ms/msg, " + overhead.realScannerMessages() + " msgs)", overhead.spamdMillis());
        out.printf(Locale.ROOT, "%-44s%12.1f%n", "time in clamd (ms/msg, " + overhead.realScannerMessages() + " msgs)", overhead.clamdMillis());
    }

    private BenchmarkResult measure(BenchmarkTarget target) throws Exception {
        // Provisioning is not what is measured: on Postwall, creating the user right before the measured phase made HotSpot
        // discard some code compiled for the deliveries (-Xlog:jit+compilation) just as the phase started.
        target.createMailbox(USER, PASSWORD);
        if (parameters.warmup > 0) {
            // The JVM compiles its hot paths for minutes on this code base: measure a warm server.
            out.printf("%s: warming up with %d messages into other mailboxes...%n", target.name(), parameters.warmup);
            int imapWarmup = Math.min(parameters.warmup, IMAP_WARMUP_MESSAGES);
            target.createMailbox(WARMUP_USER, PASSWORD);
            ingest(target, WARMUP_USER, imapWarmup);
            try (ImapSession imap = ImapSession.login(target.imapPort(), target.tls(), WARMUP_USER, PASSWORD)) {
                ImapRequests.measure(imap, imapWarmup, Math.min(parameters.requests, imapWarmup));
            }
            if (parameters.warmup - imapWarmup >= parameters.sessions) {
                target.createMailbox(BULK_WARMUP_USER, PASSWORD);
                ingest(target, BULK_WARMUP_USER, parameters.warmup - imapWarmup);
            }
            awaitQuiet(target);
        }
        out.printf("%s: sending...%n", target.name());
        ResidentMemory memoryBefore = ResidentMemory.of(target.processes());
        Duration cpuBefore = ProcessCpuTime.of(target.processes());
        Duration[] acceptAndEndToEnd = ingest(target, USER, parameters.messages);
        Duration ingestCpu = ProcessCpuTime.of(target.processes()).minus(cpuBefore);
        out.printf("%s: all %d messages in the INBOX after %.1f s; IMAP requests...%n",
            target.name(), parameters.messages, acceptAndEndToEnd[1].toMillis() / 1000.0);
        try (ImapSession imap = ImapSession.login(target.imapPort(), target.tls(), USER, PASSWORD)) {
            ImapRequests requests = ImapRequests.measure(imap, parameters.messages, parameters.requests);
            ResidentMemory memoryAfter = ResidentMemory.of(target.processes());
            Optional<IndexingLag> lag = Optional.empty();
            if (parameters.lagSamples > 0) {
                out.printf("%s: indexing lag of %d more messages, one at a time...%n", target.name(), parameters.lagSamples);
                lag = Optional.of(IndexingLag.measure(target, messages(USER), imap, parameters.messages, parameters.lagSamples));
            }
            return new BenchmarkResult(target.name(), parameters.messages, acceptAndEndToEnd[0], acceptAndEndToEnd[1],
                ingestCpu, requests, memoryBefore, memoryAfter, lag);
        }
    }

    /**
     * Waits until the system has used less than {@link #QUIET_CPU} of CPU in each of {@link #QUIET_SECONDS} seconds in a
     * row (at most {@link #QUIET_LIMIT}): the work the warm-up left behind (Postwall's JIT compiler with its queue of
     * methods, index merges, Postfix's queue manager) is done before measuring, as on a server running for weeks.
     */
    private void awaitQuiet(BenchmarkTarget target) throws InterruptedException {
        long start = System.nanoTime();
        Duration before = ProcessCpuTime.of(target.processes());
        int quietSeconds = 0;
        while (quietSeconds < QUIET_SECONDS && System.nanoTime() - start < QUIET_LIMIT.toNanos()) {
            Thread.sleep(1000);
            Duration now = ProcessCpuTime.of(target.processes());
            quietSeconds = now.minus(before).compareTo(QUIET_CPU) < 0 ? quietSeconds + 1 : 0;
            before = now;
        }
        out.printf(Locale.ROOT, "%s: %s after %.0f s%n", target.name(), quietSeconds >= QUIET_SECONDS ? "quiet" : "still busy",
            (System.nanoTime() - start) / 1e9);
    }

    /** Sends {@code count} messages to {@code user}; returns the accept and the end-to-end durations. */
    private Duration[] ingest(BenchmarkTarget target, String user, int count) throws Exception {
        BenchmarkMessages messages = messages(user);
        try (ImapSession poller = ImapSession.login(target.imapPort(), target.tls(), user, PASSWORD)) {
            long start = System.nanoTime();
            Duration accept = SmtpLoad.send(target.smtpPort(), messages, count, parameters.sessions, timeout(count));
            Duration endToEnd = Duration.ofNanos(poller.awaitInboxMessages(count, timeout(count)) - start);
            return new Duration[] {accept, endToEnd};
        }
    }

    /**
     * Generous, but bounded: a system that stalls fails the run instead of hanging it. Real spamd takes
     * up to a second per message on this loaded machine, hence ten times the budget with scanners.
     */
    private Duration timeout(int count) {
        long perMessageMillis = parameters.filter == BenchmarkParameters.Filter.SCANNERS ? 2000 : 200;
        Duration scaled = Duration.ofMillis(perMessageMillis * count * Math.max(1, parameters.sizeKb / 10));
        return scaled.compareTo(MINIMUM_TIMEOUT) > 0 ? scaled : MINIMUM_TIMEOUT;
    }

    /** The printed figures, one column per system and a ratio column Postwall / reference. */
    private static final class ResultTable {
        private static final String COLUMN = "%28";
        private final List<BenchmarkResult> results;
        private final boolean lag;

        ResultTable(List<BenchmarkResult> results, boolean lag) {
            this.results = results;
            this.lag = lag;
        }

        void print(PrintStream out) {
            out.println();
            StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-30s", "measure"));
            results.forEach(result -> header.append(String.format(Locale.ROOT, COLUMN + "s", result.system)));
            if (results.size() == 2) {
                header.append(String.format(Locale.ROOT, "%12s", "ratio P/R"));
            }
            out.println(header);
            row(out, "SMTP accept rate (msg/s)", BenchmarkResult::acceptRate);
            row(out, "end-to-end rate (msg/s)", BenchmarkResult::endToEndRate);
            row(out, "CPU per message (ms)", BenchmarkResult::cpuMillisPerMessage);
            row(out, "FETCH BODY[] p50 (ms)", result -> result.imap.fetch.percentileMillis(50));
            row(out, "FETCH BODY[] p99 (ms)", result -> result.imap.fetch.percentileMillis(99));
            row(out, "SEARCH HEADER p50 (ms)", result -> result.imap.searchHeader.percentileMillis(50));
            row(out, "SEARCH HEADER p99 (ms)", result -> result.imap.searchHeader.percentileMillis(99));
            row(out, "SEARCH BODY p50 (ms)", result -> result.imap.searchBody.percentileMillis(50));
            row(out, "SEARCH BODY p99 (ms)", result -> result.imap.searchBody.percentileMillis(99));
            row(out, "wrong SEARCH answers", result -> result.imap.wrongSearchAnswers);
            if (lag) {
                row(out, "indexing lag p50 (ms)", result -> result.lag.orElseThrow().lags.percentileMillis(50));
                row(out, "indexing lag p99 (ms)", result -> result.lag.orElseThrow().lags.percentileMillis(99));
                row(out, "lag samples never found", result -> result.lag.orElseThrow().notFound);
            }
            row(out, "RSS before (MB)", result -> result.memoryBefore.rssBytes / 1048576.0);
            row(out, "RSS after (MB)", result -> result.memoryAfter.rssBytes / 1048576.0);
            row(out, "PSS before (MB)", result -> result.memoryBefore.pssBytes / 1048576.0);
            row(out, "PSS after (MB)", result -> result.memoryAfter.pssBytes / 1048576.0);
        }

        private void row(PrintStream out, String name, ToDoubleFunction<BenchmarkResult> measure) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-30s", name));
            results.forEach(result -> line.append(String.format(Locale.ROOT, COLUMN + ".1f", measure.applyAsDouble(result))));
            if (results.size() == 2) {
                double reference = measure.applyAsDouble(results.get(1));
                line.append(reference == 0 ? String.format(Locale.ROOT, "%12s", "-")
                    : String.format(Locale.ROOT, "%12.3f", measure.applyAsDouble(results.get(0)) / reference));
            }
            out.println(line);
        }
    }
}
