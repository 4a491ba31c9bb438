package ch.postwall.retention.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;

import com.google.common.collect.ImmutableList;

import ch.postwall.mailbox.lifecycle.ExportArchive;
import ch.postwall.mailbox.lifecycle.ExportStep;

/**
 * Writes an export: one zip with what every module's {@link ExportStep} holds, then the manifest. A user's
 * export has the steps' folders at its root; a domain's export has one folder per user of the domain
 * ({@code <user>/mail/...}), so that each user's part reads like a user's export.
 */
public class UserExport {
    private final List<ExportStep> steps;
    private final UsersRepository usersRepository;
    private final Clock clock;

    @Inject
    public UserExport(Set<ExportStep> steps, UsersRepository usersRepository, Clock clock) {
        this.steps = steps.stream().sorted(Comparator.comparing(ExportStep::name)).toList();
        this.usersRepository = usersRepository;
        this.clock = clock;
    }

    public void export(Username user, OutputStream output) throws IOException {
        ZipExportArchive archive = new ZipExportArchive(output);
        exportSteps(user, archive);
        archive.finish(user.asString(), clock.instant());
    }

    public void exportDomain(Domain domain, OutputStream output) throws IOException {
        ZipExportArchive archive = new ZipExportArchive(output);
        for (Username user : usersOf(domain)) {
            String folder = user.asString() + "/";
            exportSteps(user, (path, items, writer) -> archive.addEntry(folder + path, items, writer));
        }
        archive.finish(domain.asString(), clock.instant());
    }

    private void exportSteps(Username user, ExportArchive archive) throws IOException {
        for (ExportStep step : steps) {
            step.export(user, archive);
        }
    }

    private List<Username> usersOf(Domain domain) throws IOException {
        try {
            return ImmutableList.copyOf(usersRepository.list()).stream()
                .filter(user -> user.getDomainPart().equals(Optional.of(domain)))
                .sorted(Comparator.comparing(Username::asString))
                .toList();
        } catch (UsersRepositoryException e) {
            throw new IOException("Cannot list the users of " + domain.asString(), e);
        }
    }
}
