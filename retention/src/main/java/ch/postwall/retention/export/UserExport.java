package ch.postwall.retention.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.core.Username;

import ch.postwall.mailbox.lifecycle.ExportStep;

/** Writes a user's export: one zip with what every module's {@link ExportStep} holds, then the manifest. */
public class UserExport {
    private final List<ExportStep> steps;
    private final Clock clock;

    @Inject
    public UserExport(Set<ExportStep> steps, Clock clock) {
        this.steps = steps.stream().sorted(Comparator.comparing(ExportStep::name)).toList();
        this.clock = clock;
    }

    public void export(Username user, OutputStream output) throws IOException {
        ZipExportArchive archive = new ZipExportArchive(output);
        for (ExportStep step : steps) {
            step.export(user, archive);
        }
        archive.finish(user.asString(), clock.instant());
    }
}
