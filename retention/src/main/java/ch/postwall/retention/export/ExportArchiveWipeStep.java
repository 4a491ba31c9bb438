package ch.postwall.retention.export;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import ch.postwall.mailbox.lifecycle.DeletionCounts;
import ch.postwall.mailbox.lifecycle.WipeStep;

/** A terminated contract's export archives go with the rest of its data. */
public class ExportArchiveWipeStep implements WipeStep {
    private static final String KIND = "export archives";

    private final ExportArchives archives;

    @Inject
    public ExportArchiveWipeStep(ExportArchives archives) {
        this.archives = archives;
    }

    @Override
    public String name() {
        return "export-archives";
    }

    @Override
    public DeletionCounts wipeUser(Username user) {
        try {
            return DeletionCounts.of(KIND, archives.deleteUser(user));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public DeletionCounts wipeDomain(Domain domain) {
        try {
            return DeletionCounts.of(KIND, archives.deleteDomain(domain));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
