package ch.postwall.filter.protocollog.smtp;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.james.core.MailAddress;

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
