package ch.postwall.server.bench;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.apache.commons.configuration2.MapConfiguration;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.server.core.MailImpl;

import ch.postwall.filter.attachment.AttachmentInspector;
import ch.postwall.filter.config.FilterConfiguration;
import ch.postwall.filter.policy.MemoryDomainPolicyStore;
import ch.postwall.filter.scan.ClamdClient;
import ch.postwall.filter.scan.ScannerUnavailableException;
import ch.postwall.filter.scan.SpamResult;
import ch.postwall.filter.scan.SpamScanner;
import ch.postwall.filter.scan.SpamdClient;
import ch.postwall.filter.scan.VirusResult;
import ch.postwall.filter.scan.VirusScanner;
import ch.postwall.filter.sender.FakeDnsService;
import ch.postwall.filter.sender.SenderChecks;
import ch.postwall.filter.smtp.FilterMessageHook;
import ch.postwall.filter.trace.MemoryMessageTraceStore;
import ch.postwall.filter.trace.MessageTraceConfiguration;
import ch.postwall.filter.trace.MessageTracer;
import ch.postwall.filter.verdict.MessageAnalyzer;
import ch.postwall.filter.verdict.VerdictEngine;

/**
 * The filter chain's own cost per message, in this JVM: {@link FilterMessageHook} (serialisation, analysis,
 * attachment inspection, verdicts) under the run's filter configuration, first with stand-in scanners
 * answering at once (after a warm-up pass over the same messages), then with the real spamd and clamd
 * clients, each timed, for the mean time a message spends in each daemon.
 */
record FilterChainOverhead(double chainMicros, double spamdMillis, double clamdMillis, int realScannerMessages) {
    /** Real scans cost tens of milliseconds each: a sample is enough for their mean. */
    private static final int REAL_SCANNER_MESSAGES = 100;

    @FunctionalInterface
    private interface Scan<T> {
        T run() throws ScannerUnavailableException;
    }

    /** Sums the time spent in one scanner's calls. */
    private static final class Stopwatch {
        private long nanos;

        <T> T time(Scan<T> scan) throws ScannerUnavailableException {
            long start = System.nanoTime();
            try {
                return scan.run();
            } finally {
                nanos += System.nanoTime() - start;
            }
        }

        double meanMillis(int count) {
            return nanos / 1e6 / count;
        }
    }

    static FilterChainOverhead measure(BenchmarkMessages messages, int count, Scanners scanners) throws Exception {
        FilterConfiguration configuration = FilterConfiguration.from(new MapConfiguration(scanners.filterProperties()));
        SMTPSession session = inboundSession();
        FilterMessageHook instant = hook(configuration,
            raw -> new SpamResult(0, configuration.defaultPolicy().rejectThreshold(), Optional.empty(), List.of()),
            raw -> VirusResult.CLEAN);
        timeHook(instant, session, messages, count);
        double chainMicros = timeHook(instant, session, messages, count) / 1e3 / count;

        Stopwatch inSpamd = new Stopwatch();
        Stopwatch inClamd = new Stopwatch();
        SpamdClient spamd = new SpamdClient(scanners.spamd.endpoint());
        ClamdClient clamd = new ClamdClient(scanners.clamd.endpoint());
        FilterMessageHook real = hook(configuration,
            raw -> inSpamd.time(() -> spamd.check(raw)),
            raw -> inClamd.time(() -> clamd.scan(raw)));
        int realCount = Math.min(count, REAL_SCANNER_MESSAGES);
        timeHook(real, session, messages, realCount);
        return new FilterChainOverhead(chainMicros, inSpamd.meanMillis(realCount), inClamd.meanMillis(realCount), realCount);
    }

    private static FilterMessageHook hook(FilterConfiguration configuration, SpamScanner spam, VirusScanner virus) {
        // The chain runs spam, virus and attachment checks only: sender checks (DNS) are not in the policy.
        MessageAnalyzer analyzer = new MessageAnalyzer(spam, virus, new SenderChecks(new FakeDnsService(), List.of()),
            new AttachmentInspector(configuration.blockedTypes(), configuration.maxMimeDepth()));
        return new FilterMessageHook(analyzer, new VerdictEngine(), new MemoryDomainPolicyStore(), configuration,
            new MessageTracer(new MemoryMessageTraceStore(Clock.systemUTC(), MessageTraceConfiguration.DEFAULT), Clock.systemUTC()));
    }

    /** Runs the hook over messages 0..count-1 and returns the nanoseconds spent inside it; every one must pass. */
    private static long timeHook(FilterMessageHook hook, SMTPSession session, BenchmarkMessages messages, int count)
        throws Exception {
        long total = 0;
        for (int index = 0; index < count; index++) {
            MailImpl mail = mail(messages, index);
            HookResult result;
            try {
                long start = System.nanoTime();
                result = hook.onMessage(session, mail);
                total += System.nanoTime() - start;
            } finally {
                mail.dispose();
            }
            if (!HookResult.DECLINED.equals(result)) {
                throw new IllegalStateException("The filter refused benchmark message " + index + ": " + result);
            }
        }
        return total;
    }

    private static MailImpl mail(BenchmarkMessages messages, int index) throws Exception {
        return MailImpl.builder()
            .name("bench-" + index)
            .sender(messages.sender())
            .addRecipient(messages.recipient())
            .mimeMessage(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(messages.message(index).getBytes(StandardCharsets.US_ASCII))))
            .build();
    }

    /** An unauthenticated inbound SMTP session from a remote MTA: the hook reads only these three answers. */
    private static SMTPSession inboundSession() {
        InetSocketAddress client = new InetSocketAddress("198.51.100.7", 25);
        Map<String, Object> answers = Map.of(
            "isRelayingAllowed", false,
            "getRemoteAddress", client,
            "getAttachment", Optional.of("load.example"));
        return (SMTPSession) Proxy.newProxyInstance(SMTPSession.class.getClassLoader(), new Class<?>[] {SMTPSession.class},
            (proxy, method, arguments) -> {
                Object answer = answers.get(method.getName());
                if (answer == null) {
                    throw new UnsupportedOperationException("The benchmark's SMTP session has no " + method.getName());
                }
                return answer;
            });
    }
}
