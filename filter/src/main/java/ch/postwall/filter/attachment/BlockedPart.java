package ch.postwall.filter.attachment;

import java.util.Objects;
import java.util.Optional;

/** A MIME part whose detected content type is blocked by the attachment policy. */
public record BlockedPart(Optional<String> fileName, String declaredType, String detectedType) {
    public BlockedPart {
        Objects.requireNonNull(fileName);
        Objects.requireNonNull(declaredType);
        Objects.requireNonNull(detectedType);
    }
}
