package ch.postwall.filter.verdict;

import java.net.InetAddress;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.james.core.MaybeSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.postwall.filter.attachment.AttachmentInspector;
import ch.postwall.filter.attachment.BlockedPart;
import ch.postwall.filter.attachment.MalformedMessageException;
import ch.postwall.filter.policy.Check;
import ch.postwall.filter.scan.ScannerUnavailableException;
import ch.postwall.filter.scan.SpamResult;
import ch.postwall.filter.scan.SpamScanner;
import ch.postwall.filter.scan.VirusResult;
import ch.postwall.filter.scan.VirusScanner;
import ch.postwall.filter.sender.SenderCheckResult;
import ch.postwall.filter.sender.SenderChecks;

/** Runs the requested checks on one message; scanner failures become "unavailable", never exceptions. */
public class MessageAnalyzer {
    private static final Logger LOGGER = LoggerFactory.getLogger(MessageAnalyzer.class);
    private static final Set<Check> SENDER_CHECKS = EnumSet.of(Check.SPF, Check.DNSBL, Check.HELO);

    public record Envelope(InetAddress client, String helo, MaybeSender sender) {
    }

    private final SpamScanner spamScanner;
    private final VirusScanner virusScanner;
    private final SenderChecks senderChecks;
    private final AttachmentInspector attachmentInspector;

    public MessageAnalyzer(SpamScanner spamScanner, VirusScanner virusScanner, SenderChecks senderChecks,
                           AttachmentInspector attachmentInspector) {
        this.spamScanner = spamScanner;
        this.virusScanner = virusScanner;
        this.senderChecks = senderChecks;
        this.attachmentInspector = attachmentInspector;
    }

    public Analysis analyze(byte[] rawMessage, Envelope envelope, Set<Check> checks) {
        Set<Check> unavailable = EnumSet.noneOf(Check.class);
        Optional<VirusResult> virus = scan(Check.VIRUS, checks, unavailable, () -> virusScanner.scan(rawMessage));
        Optional<SpamResult> spam = scan(Check.SPAM, checks, unavailable, () -> spamScanner.check(rawMessage));
        Optional<SenderCheckResult> sender = Optional.empty();
        if (checks.stream().anyMatch(SENDER_CHECKS::contains)) {
            sender = senderChecks(envelope, unavailable);
        }
        List<BlockedPart> blockedParts = List.of();
        Optional<String> malformed = Optional.empty();
        if (checks.contains(Check.ATTACHMENTS)) {
            try {
                blockedParts = attachmentInspector.inspect(rawMessage);
            } catch (MalformedMessageException e) {
                malformed = Optional.of(e.getMessage());
            }
        }
        return new Analysis(virus, spam, sender, blockedParts, malformed, unavailable);
    }

    @FunctionalInterface
    private interface Scan<T> {
        T run() throws ScannerUnavailableException;
    }

    private static <T> Optional<T> scan(Check check, Set<Check> checks, Set<Check> unavailable, Scan<T> scan) {
        if (!checks.contains(check)) {
            return Optional.empty();
        }
        try {
            return Optional.of(scan.run());
        } catch (ScannerUnavailableException e) {
            LOGGER.warn("{} scan unavailable: {}", check, e.getMessage());
            unavailable.add(check);
            return Optional.empty();
        }
    }

    private Optional<SenderCheckResult> senderChecks(Envelope envelope, Set<Check> unavailable) {
        try {
            SenderCheckResult result = senderChecks.check(envelope.client(), envelope.helo(), envelope.sender());
            if (SenderCheckResult.SPF_TEMPERROR.equals(result.spf())) {
                unavailable.add(Check.SPF);
            }
            return Optional.of(result);
        } catch (RuntimeException e) {
            // A resolver failure must not turn into a 5xx: report the checks as unavailable.
            LOGGER.warn("Sender checks unavailable: {}", e.getMessage());
            unavailable.addAll(SENDER_CHECKS);
            return Optional.empty();
        }
    }
}
