package ch.postwall.filter.protocollog;

import java.util.List;
import java.util.Optional;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;

/**
 * Raw SMTP session transcripts, readable by platform admins only (enforced by the caller's access
 * policy). Sessions expire after the configured retention ({@link ProtocolLogConfiguration}),
 * counted from their start: no operation returns an expired session, and expired sessions are
 * deleted, by {@link #purgeExpired()} or by the backend's own expiry.
 */
public interface ProtocolLogStore {
    void append(SmtpSessionLog log);

    Optional<SmtpSessionLog> get(String sessionId);

    /** Live sessions matching the query, newest first (ties by session id), paged. */
    List<SmtpSessionLog> search(ProtocolLogQuery query);

    /** Every live session concerning the user, newest first: the user's export. */
    List<SmtpSessionLog> listByUser(MailAddress user);

    /** Deletes every session concerning the user. */
    void deleteUser(MailAddress user);

    /** Deletes every session concerning an address of the domain. */
    void deleteDomain(Domain domain);

    /** Deletes the expired sessions and returns how many there were. */
    int purgeExpired();
}
