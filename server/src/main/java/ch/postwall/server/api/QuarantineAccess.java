package ch.postwall.server.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;

/**
 * What the API needs from the quarantine, kept narrow so the routes and their authorization do not
 * depend on its storage ({@link RepositoryQuarantineAccess} over the filter's mail repositories).
 */
public interface QuarantineAccess {
    /** One quarantined copy, as listed: metadata only. */
    record Item(String id, Username owner, String sender, String subject, Instant quarantinedAt, String verdict, long size) {
    }

    /** Criteria of a listing; absent ones match everything. */
    record Filter(Optional<String> sender, Optional<String> verdict, Optional<Instant> from, Optional<Instant> until,
                  int offset, int limit) {
        public static final int MAX_LIMIT = 500;

        public Filter {
            if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("offset must be 0 or more and limit between 1 and " + MAX_LIMIT);
            }
        }
    }

    List<Item> listOfUser(Username owner, Filter filter);

    List<Item> listOfDomain(Domain domain, Filter filter);

    /** The header block of a quarantined message. */
    Optional<String> headers(Username owner, String id);

    /** The whole message as received. */
    Optional<byte[]> message(Username owner, String id);

    /**
     * Delivers the message to its owner's mailbox (or gateway target) once and removes it; false when absent.
     *
     * @param releasedBy  who asked (kept on the released mail)
     * @param allowSender also put the sender on the owner's allow list
     */
    boolean release(Username owner, String id, String releasedBy, boolean allowSender);

    boolean delete(Username owner, String id);

    /** Adds the sender to the owner's block list. */
    void blockSender(Username owner, MailAddress sender);
}
