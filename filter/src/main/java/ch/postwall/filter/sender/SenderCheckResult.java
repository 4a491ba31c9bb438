package ch.postwall.filter.sender;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Outcome of the sender checks for one connection and envelope sender.
 *
 * @param spf jSPF's result word: pass, fail, softfail, neutral, none, temperror, permerror
 * @param dnsblListings the DNSBL zones listing the client address
 * @param heloResolvable whether the HELO name resolves to the client address
 * @param reverseName the client address's forward-confirmed reverse DNS name, if any
 */
public record SenderCheckResult(String spf, List<String> dnsblListings, boolean heloResolvable, Optional<String> reverseName) {
    public static final String SPF_FAIL = "fail";
    public static final String SPF_TEMPERROR = "temperror";

    public SenderCheckResult {
        Objects.requireNonNull(spf);
        Objects.requireNonNull(reverseName);
        dnsblListings = List.copyOf(dnsblListings);
    }

    public boolean spfFailed() {
        return SPF_FAIL.equals(spf);
    }

    public boolean dnsblListed() {
        return !dnsblListings.isEmpty();
    }
}
