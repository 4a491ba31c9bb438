package ch.postwall.filter.protocollog.smtp;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;

import ch.postwall.filter.protocollog.SmtpSessionLog;
import ch.postwall.filter.protocollog.TranscriptLine;
import ch.postwall.filter.protocollog.TranscriptLine.Direction;

/** The transcript of one session while it runs; only the session's own event-loop thread touches it. */
final class Transcript {
    private final Clock clock;
    private final Instant start;
    private final List<TranscriptLine> lines = new ArrayList<>();
    private final Set<MailAddress> addresses = new LinkedHashSet<>();
    private Optional<String> tls = Optional.empty();
    private Username username;

    Transcript(Clock clock) {
        this.clock = clock;
        this.start = clock.instant();
    }

    void add(Direction direction, CharSequence text) {
        lines.add(new TranscriptLine(clock.instant(), direction, text.toString()));
    }

    void concerns(MailAddress address) {
        addresses.add(address);
    }

    /** Notes the authenticated user once; returns whether it was new. */
    boolean authenticated(Username user) {
        if (user.equals(username)) {
            return false;
        }
        username = user;
        add(Direction.EVENT, "authenticated as " + user.asString());
        return true;
    }

    boolean tlsNoted() {
        return tls.isPresent();
    }

    void tls(String parameters) {
        tls = Optional.of(parameters);
        add(Direction.EVENT, "TLS established: " + parameters);
    }

    SmtpSessionLog close(String sessionId, String remoteIp) {
        return new SmtpSessionLog(sessionId, remoteIp, start, clock.instant(), tls, addresses, lines);
    }
}
