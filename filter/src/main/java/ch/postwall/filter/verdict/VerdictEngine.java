package ch.postwall.filter.verdict;

import java.util.Optional;
import java.util.stream.Stream;

import org.apache.james.core.MaybeSender;

import ch.postwall.filter.policy.Check;
import ch.postwall.filter.policy.DomainPolicy;
import ch.postwall.filter.policy.ScannerDownBehaviour;
import ch.postwall.filter.scan.SpamResult;

/**
 * Turns an analysis into a verdict under one recipient's policy. Rejections found with certainty come
 * first, then missing scans, then the spam score, which allow-listed senders skip.
 */
public class VerdictEngine {
    public Decision decide(MaybeSender sender, Analysis analysis, DomainPolicy policy) {
        return Stream.of(
                virus(analysis, policy),
                malformed(analysis, policy),
                blockList(sender, policy),
                attachments(analysis, policy),
                spf(analysis, policy),
                dnsbl(analysis, policy),
                unavailable(analysis, policy))
            .flatMap(Optional::stream)
            .findFirst()
            .orElseGet(() -> spam(sender, analysis, policy));
    }

    private Optional<Decision> virus(Analysis analysis, DomainPolicy policy) {
        return analysis.virus()
            .filter(result -> policy.runs(Check.VIRUS))
            .flatMap(result -> result.virusName())
            .map(name -> new Decision(Verdict.REJECT, "virus found: " + name));
    }

    private Optional<Decision> malformed(Analysis analysis, DomainPolicy policy) {
        return analysis.malformed()
            .filter(reason -> policy.runs(Check.ATTACHMENTS))
            .map(reason -> new Decision(Verdict.REJECT, "message could not be analysed: " + reason));
    }

    private Optional<Decision> blockList(MaybeSender sender, DomainPolicy policy) {
        return policy.blocks(sender) ? Optional.of(new Decision(Verdict.REJECT, "sender is block-listed")) : Optional.empty();
    }

    private Optional<Decision> attachments(Analysis analysis, DomainPolicy policy) {
        return analysis.blockedParts().stream()
            .filter(part -> policy.runs(Check.ATTACHMENTS))
            .findFirst()
            .map(part -> new Decision(Verdict.REJECT, "blocked attachment type " + part.detectedType()));
    }

    private Optional<Decision> spf(Analysis analysis, DomainPolicy policy) {
        return analysis.sender()
            .filter(result -> policy.runs(Check.SPF) && result.spfFailed())
            .map(result -> new Decision(Verdict.REJECT, "SPF check failed"));
    }

    private Optional<Decision> dnsbl(Analysis analysis, DomainPolicy policy) {
        return analysis.sender()
            .filter(result -> policy.runs(Check.DNSBL) && result.dnsblListed())
            .map(result -> new Decision(Verdict.REJECT, "client listed by " + String.join(", ", result.dnsblListings())));
    }

    private Optional<Decision> unavailable(Analysis analysis, DomainPolicy policy) {
        return analysis.unavailable().stream()
            .filter(policy::runs)
            .filter(check -> policy.whenScannerDown() == ScannerDownBehaviour.TEMPFAIL)
            .findFirst()
            .map(check -> new Decision(Verdict.TEMPFAIL, check.name().toLowerCase() + " scanner unavailable"));
    }

    private Decision spam(MaybeSender sender, Analysis analysis, DomainPolicy policy) {
        if (policy.allows(sender)) {
            return new Decision(Verdict.ACCEPT, "sender is allow-listed");
        }
        Optional<SpamResult> spam = analysis.spam().filter(result -> policy.runs(Check.SPAM));
        if (spam.isEmpty()) {
            return new Decision(Verdict.ACCEPT, "no spam score");
        }
        double score = spam.get().score();
        if (score >= policy.rejectThreshold()) {
            return new Decision(Verdict.REJECT, "spam score " + score + " reaches " + policy.rejectThreshold());
        }
        if (score >= policy.quarantineThreshold()) {
            return new Decision(Verdict.QUARANTINE, "spam score " + score + " reaches " + policy.quarantineThreshold());
        }
        return new Decision(Verdict.ACCEPT, "spam score " + score + " below " + policy.quarantineThreshold());
    }
}
