package ch.postwall.filter.verdict;

import java.util.Objects;

/** A verdict and the short, content-free reason behind it (fit for an SMTP reply and the trace). */
public record Decision(Verdict verdict, String reason) {
    public Decision {
        Objects.requireNonNull(verdict);
        Objects.requireNonNull(reason);
    }
}
