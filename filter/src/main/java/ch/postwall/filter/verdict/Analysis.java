package ch.postwall.filter.verdict;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import ch.postwall.filter.attachment.BlockedPart;
import ch.postwall.filter.policy.Check;
import ch.postwall.filter.scan.SpamResult;
import ch.postwall.filter.scan.VirusResult;
import ch.postwall.filter.sender.SenderCheckResult;

/**
 * Everything the scanners found about one message. An empty result means the check was not run;
 * {@code unavailable} names the checks whose scanner failed.
 */
public record Analysis(Optional<VirusResult> virus, Optional<SpamResult> spam, Optional<SenderCheckResult> sender,
                       List<BlockedPart> blockedParts, Optional<String> malformed, Set<Check> unavailable) {
    public static final Analysis NOTHING = new Analysis(Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
        Optional.empty(), Set.of());

    public Analysis {
        Objects.requireNonNull(virus);
        Objects.requireNonNull(spam);
        Objects.requireNonNull(sender);
        Objects.requireNonNull(malformed);
        blockedParts = List.copyOf(blockedParts);
        unavailable = Set.copyOf(unavailable);
    }
}
