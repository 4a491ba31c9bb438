package ch.postwall.filter.protocollog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;

/**
 * The transcript of one SMTP session: commands, replies and events, never message content nor
 * credentials.
 *
 * @param sessionId the server's session id
 * @param remoteIp  the client's address
 * @param start     when the connection was accepted
 * @param end       when it closed
 * @param tls       protocol and cipher suite once TLS was established (e.g. {@code TLSv1.3 TLS_AES_128_GCM_SHA256})
 * @param addresses the envelope addresses and authenticated user the session concerned: what a
 *                  user's export and deletion find it by
 * @param lines     the transcript, in order
 */
public record SmtpSessionLog(String sessionId, String remoteIp, Instant start, Instant end, Optional<String> tls,
                             Set<MailAddress> addresses, List<TranscriptLine> lines) {
    public SmtpSessionLog {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(remoteIp, "remoteIp");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(tls, "tls");
        addresses = Set.copyOf(addresses);
        lines = List.copyOf(lines);
    }

    public boolean concerns(MailAddress address) {
        return addresses.contains(address);
    }

    public boolean concerns(Domain domain) {
        return addresses.stream().anyMatch(address -> address.getDomain().equals(domain));
    }
}
