package ch.postwall.filter.protocollog;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of an SMTP transcript.
 *
 * @param time      when it was read or written
 * @param direction who spoke
 * @param text      the line without its line ending; already masked where it carried credentials
 */
public record TranscriptLine(Instant time, Direction direction, String text) {
    public enum Direction {
        /** A command line from the client. */
        CLIENT,
        /** A reply line from the server. */
        SERVER,
        /** Something the server noted that was not a line on the wire (TLS established, content skipped). */
        EVENT
    }

    public TranscriptLine {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(text, "text");
    }
}
