package ch.postwall.server.digest;

import java.time.Instant;
import java.util.Optional;

/**
 * One user's quarantine digest settings.
 *
 * @param optedOut   the user asked not to receive digests
 * @param lastDigest when the last digest listed the user's quarantine; the next lists what came after
 */
public record DigestSettings(boolean optedOut, Optional<Instant> lastDigest) {
    public static final DigestSettings DEFAULT = new DigestSettings(false, Optional.empty());
}
