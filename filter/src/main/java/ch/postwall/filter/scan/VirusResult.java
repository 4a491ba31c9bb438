package ch.postwall.filter.scan;

import java.util.Optional;

/** Clean, or infected with a named virus. */
public record VirusResult(Optional<String> virusName) {
    public static final VirusResult CLEAN = new VirusResult(Optional.empty());

    public static VirusResult infected(String virusName) {
        return new VirusResult(Optional.of(virusName));
    }

    public boolean isInfected() {
        return virusName.isPresent();
    }
}
