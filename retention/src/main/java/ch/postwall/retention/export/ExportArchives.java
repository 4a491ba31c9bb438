package ch.postwall.retention.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.annotation.PreDestroy;
import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.filesystem.api.JamesDirectoriesProvider;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;

import ch.postwall.retention.contract.ContractSubject;

/**
 * Export archives requested by users and admins: each request builds a zip in the background under
 * {@code <data>/exports/<user|domain>/<name>/}; while it is built it is a {@code .part} file, renamed when done, so
 * the files alone tell the state and a restart loses nothing but a build in progress. A domain's archive holds one
 * user archive per account. Finished archives are deleted {@link ExportConfiguration#expiry()} after they were
 * finished.
 */
public class ExportArchives {
    public enum State {
        RUNNING,
        READY,
        FAILED
    }

    /** What a requester sees of an export: never the path on disk. */
    public record Status(String id, ContractSubject subject, State state, Optional<Instant> expiresAt, long size) {
    }

    private static final Logger LOGGER = LoggerFactory.getLogger(ExportArchives.class);
    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");
    private static final String ZIP = ".zip";
    private static final String PART = ".part";
    private static final String FAILED = ".failed";

    private final Path root;
    private final UserExport userExport;
    private final UsersRepository users;
    private final ExportConfiguration configuration;
    private final Clock clock;
    private final ExecutorService builder = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "export-archives");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    public ExportArchives(JamesDirectoriesProvider directories, UserExport userExport, UsersRepository users,
                          ExportConfiguration configuration, Clock clock) {
        this(Path.of(directories.getVarDirectory()).resolve("exports"), userExport, users, configuration, clock);
    }

    public ExportArchives(Path root, UserExport userExport, UsersRepository users, ExportConfiguration configuration, Clock clock) {
        this.root = root;
        this.userExport = userExport;
        this.users = users;
        this.configuration = configuration;
        this.clock = clock;
    }

    /** Starts building the subject's archive and returns its id at once. */
    public String request(ContractSubject subject) {
        String id = UUID.randomUUID().toString();
        Path part = file(subject, id, PART);
        try {
            Files.createDirectories(part.getParent());
            Files.createFile(part);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the export archive of " + subject.name(), e);
        }
        builder.execute(() -> build(subject, id));
        return id;
    }

    public Optional<Status> status(ContractSubject subject, String id) {
        if (!ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Path ready = file(subject, id, ZIP);
        if (Files.isRegularFile(ready)) {
            try {
                return Optional.of(new Status(id, subject, State.READY, Optional.of(expiresAt(ready)), Files.size(ready)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (Files.exists(file(subject, id, PART))) {
            return Optional.of(new Status(id, subject, State.RUNNING, Optional.empty(), 0));
        }
        if (Files.exists(file(subject, id, FAILED))) {
            return Optional.of(new Status(id, subject, State.FAILED, Optional.empty(), 0));
        }
        return Optional.empty();
    }

    /** The finished archive, to be streamed from disk; empty while it is built, after it failed or expired. */
    public Optional<Path> archive(ContractSubject subject, String id) {
        return status(subject, id).filter(status -> status.state() == State.READY).map(status -> file(subject, id, ZIP));
    }

    /** Deletes the archives (and failure markers) older than the expiry; returns how many. */
    public int purgeExpired() {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        Instant now = clock.instant();
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> expired = files.filter(Files::isRegularFile)
                .filter(file -> !file.getFileName().toString().endsWith(PART))
                .filter(file -> !expiresAt(file).isAfter(now))
                .toList();
            for (Path file : expired) {
                Files.deleteIfExists(file);
            }
            return expired.size();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot purge expired export archives under " + root, e);
        }
    }

    /**
     * Deletes every archive of the subject (a wiped user or domain leaves none behind); for a domain, its users'
     * archives too. Returns how many files were deleted.
     */
    public int deleteAll(ContractSubject subject) {
        List<Path> directories = new ArrayList<>(List.of(directory(subject)));
        subject.asDomain().ifPresent(domain -> directories.addAll(userDirectoriesOf(domain)));
        int deleted = 0;
        for (Path directory : directories) {
            deleted += deleteDirectory(directory);
        }
        return deleted;
    }

    private List<Path> userDirectoriesOf(Domain domain) {
        Path users = root.resolve(ContractSubject.Kind.USER.name().toLowerCase());
        if (!Files.isDirectory(users)) {
            return List.of();
        }
        try (Stream<Path> directories = Files.list(users)) {
            return directories.filter(directory -> directory.getFileName().toString().endsWith("@" + domain.asString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the export archives under " + users, e);
        }
    }

    private static int deleteDirectory(Path directory) {
        if (!Files.exists(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            int count = (int) files.filter(Files::isRegularFile).count();
            MoreFiles.deleteRecursively(directory, RecursiveDeleteOption.ALLOW_INSECURE);
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the export archives under " + directory, e);
        }
    }

    @PreDestroy
    public void stop() {
        builder.shutdownNow();
    }

    private void build(ContractSubject subject, String id) {
        Path part = file(subject, id, PART);
        try {
            try (OutputStream output = Files.newOutputStream(part)) {
                write(subject, output);
            }
            Path ready = file(subject, id, ZIP);
            Files.move(part, ready, StandardCopyOption.ATOMIC_MOVE);
            // The expiry counts from the end of the build, which the file's time records across restarts.
            Files.setLastModifiedTime(ready, FileTime.from(clock.instant()));
            LOGGER.info("Export {} of {} {} is ready", id, subject.kind(), subject.name());
        } catch (IOException | UsersRepositoryException | RuntimeException e) {
            LOGGER.error("Export {} of {} {} failed", id, subject.kind(), subject.name(), e);
            try {
                Files.deleteIfExists(part);
                Files.setLastModifiedTime(Files.createFile(file(subject, id, FAILED)), FileTime.from(clock.instant()));
            } catch (IOException cleanup) {
                LOGGER.error("Could not mark export {} as failed", id, cleanup);
            }
        }
    }

    private void write(ContractSubject subject, OutputStream output) throws IOException, UsersRepositoryException {
        Optional<Username> user = subject.asUser();
        if (user.isPresent()) {
            userExport.export(user.get(), output);
            return;
        }
        Domain domain = subject.asDomain().orElseThrow();
        try (ZipOutputStream zip = new ZipOutputStream(output)) {
            for (Iterator<Username> all = users.list(); all.hasNext(); ) {
                Username member = all.next();
                if (!member.getDomainPart().equals(Optional.of(domain))) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry(member.asString() + ZIP));
                // The user's archive ends its own zip without closing the domain's.
                userExport.export(member, zip);
                zip.closeEntry();
            }
        }
    }

    private Instant expiresAt(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant().plus(configuration.expiry());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path directory(ContractSubject subject) {
        return root.resolve(subject.kind().name().toLowerCase()).resolve(subject.name());
    }

    private Path file(ContractSubject subject, String id, String suffix) {
        return directory(subject).resolve(id + suffix);
    }
}
