package ch.postwall.filter.policy;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;

/**
 * The filtering policy of a domain or of one user: spam thresholds, allow and block lists (addresses
 * or whole domains), the checks to run and what to do when a scanner is down.
 */
public record DomainPolicy(double quarantineThreshold, double rejectThreshold, Set<String> allowList, Set<String> blockList,
                           Set<Check> checks, ScannerDownBehaviour whenScannerDown) {
    public static final double DEFAULT_QUARANTINE_THRESHOLD = 5.0;
    public static final double DEFAULT_REJECT_THRESHOLD = 15.0;

    /** Every check on, quarantine at 5, reject at 15, temporary failure when a scanner is down. */
    public static final DomainPolicy DEFAULT = new DomainPolicy(DEFAULT_QUARANTINE_THRESHOLD, DEFAULT_REJECT_THRESHOLD,
        Set.of(), Set.of(), EnumSet.allOf(Check.class), ScannerDownBehaviour.TEMPFAIL);

    public DomainPolicy {
        Objects.requireNonNull(whenScannerDown, "whenScannerDown");
        if (Double.isNaN(quarantineThreshold) || Double.isNaN(rejectThreshold)) {
            throw new IllegalArgumentException("Spam thresholds must be numbers");
        }
        if (rejectThreshold < quarantineThreshold) {
            throw new IllegalArgumentException("rejectThreshold (" + rejectThreshold
                + ") must not be below quarantineThreshold (" + quarantineThreshold + ")");
        }
        allowList = normalise(allowList, "allowList");
        blockList = normalise(blockList, "blockList");
        checks = Set.copyOf(checks);
    }

    private static Set<String> normalise(Set<String> entries, String name) {
        return entries.stream()
            .map(entry -> {
                String trimmed = entry.trim().toLowerCase(Locale.ROOT);
                if (trimmed.isEmpty() || trimmed.startsWith("@") || trimmed.endsWith("@") || trimmed.chars().filter(c -> c == '@').count() > 1) {
                    throw new IllegalArgumentException(name + " entry '" + entry + "' is neither an address nor a domain");
                }
                return trimmed;
            })
            .collect(Collectors.toUnmodifiableSet());
    }

    /** This policy with the entry (address or domain) on the allow list and off the block list. */
    public DomainPolicy allowing(String entry) {
        return new DomainPolicy(quarantineThreshold, rejectThreshold, with(allowList, entry), without(blockList, entry), checks, whenScannerDown);
    }

    /** This policy with the entry (address or domain) on the block list and off the allow list. */
    public DomainPolicy blocking(String entry) {
        return new DomainPolicy(quarantineThreshold, rejectThreshold, without(allowList, entry), with(blockList, entry), checks, whenScannerDown);
    }

    private static Set<String> with(Set<String> list, String entry) {
        return Stream.concat(list.stream(), Stream.of(entry)).collect(Collectors.toSet());
    }

    private static Set<String> without(Set<String> list, String entry) {
        String normalised = entry.trim().toLowerCase(Locale.ROOT);
        return list.stream().filter(existing -> !existing.equals(normalised)).collect(Collectors.toSet());
    }

    public boolean runs(Check check) {
        return checks.contains(check);
    }

    public boolean allows(MaybeSender sender) {
        return matches(allowList, sender);
    }

    public boolean blocks(MaybeSender sender) {
        return matches(blockList, sender);
    }

    private static boolean matches(Set<String> list, MaybeSender sender) {
        if (sender.isNullSender()) {
            return false;
        }
        MailAddress address = sender.get();
        return list.contains(address.asString().toLowerCase(Locale.ROOT))
            || list.contains(address.getDomain().asString().toLowerCase(Locale.ROOT));
    }
}
