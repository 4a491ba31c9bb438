package ch.postwall.filter.scan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a spam engine said about one message. The score is the engine's own; our thresholds come from
 * the domain policy, the engine's threshold and action are kept for the trace only.
 */
public record SpamResult(double score, double engineThreshold, Optional<String> engineAction, List<String> symbols) {
    public SpamResult {
        Objects.requireNonNull(engineAction);
        symbols = List.copyOf(symbols);
    }
}
