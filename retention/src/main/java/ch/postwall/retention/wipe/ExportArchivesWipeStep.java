package ch.postwall.retention.wipe;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import ch.postwall.mailbox.lifecycle.DeletionCounts;
import ch.postwall.mailbox.lifecycle.WipeStep;
import ch.postwall.retention.contract.ContractSubject;
import ch.postwall.retention.export.ExportArchives;

/** Deletes the export archives of a wiped user or domain: they hold all of its content. */
public class ExportArchivesWipeStep implements WipeStep {
    public static final String NAME = "export-archives";

    private final ExportArchives archives;

    @Inject
    public ExportArchivesWipeStep(ExportArchives archives) {
        this.archives = archives;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DeletionCounts wipeUser(Username user) {
        return DeletionCounts.of("exportArchives", archives.deleteAll(ContractSubject.user(user)));
    }

    @Override
    public DeletionCounts wipeDomain(Domain domain) {
        return DeletionCounts.of("exportArchives", archives.deleteAll(ContractSubject.domain(domain)));
    }
}
