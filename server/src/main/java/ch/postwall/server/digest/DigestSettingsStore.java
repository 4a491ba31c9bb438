package ch.postwall.server.digest;

import java.time.Instant;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

/** Per user: whether they receive the quarantine digest, and when the last one was made. Kept until changed or wiped. */
public interface DigestSettingsStore {
    /** The user's settings, {@link DigestSettings#DEFAULT} when none were stored: also what an export holds. */
    DigestSettings settings(Username user);

    void setOptedOut(Username user, boolean optedOut);

    void recordDigest(Username user, Instant madeAt);

    void deleteUser(Username user);

    /** Deletes the settings of the domain's users and returns how many users had some. */
    int deleteDomain(Domain domain);
}
