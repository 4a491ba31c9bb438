package ch.postwall.retention.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.base.Preconditions;

import ch.postwall.retention.contract.ContractSubject;

/**
 * Export archives written for download, below their own directory: {@code users/<user>/<id>.zip} and
 * {@code domains/<domain>/<id>.zip}. An archive is written under a temporary name and renamed when complete, so a
 * download never sees half an archive. Archives older than the configured expiry are deleted, not hidden.
 */
public class ExportArchives {
    private static final Logger LOGGER = LoggerFactory.getLogger(ExportArchives.class);
    private static final String SUFFIX = ".zip";
    private static final String PARTIAL_SUFFIX = ".part";

    private final UserExport export;
    private final Path root;
    private final ExportConfiguration configuration;
    private final Clock clock;

    public ExportArchives(UserExport export, Path root, ExportConfiguration configuration, Clock clock) {
        this.export = export;
        this.root = root;
        this.configuration = configuration;
        this.clock = clock;
    }

    /** Writes the subject's export as the archive {@code id}; a failed export leaves no archive behind. */
    public void write(ContractSubject subject, UUID id) throws IOException {
        Path target = archivePath(subject, id);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + PARTIAL_SUFFIX);
        try (OutputStream output = new BufferedOutputStream(Files.newOutputStream(partial))) {
            switch (subject.kind()) {
                case USER -> export.export(Username.of(subject.name()), output);
                case DOMAIN -> export.exportDomain(Domain.of(subject.name()), output);
                default -> throw new IllegalArgumentException("Unknown subject kind " + subject.kind());
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        // Dated by the clock, which decides about expiry, rather than by the file system.
        Files.setLastModifiedTime(partial, FileTime.from(clock.instant()));
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The complete, unexpired archive {@code id} of the subject. */
    public Optional<Path> find(ContractSubject subject, UUID id) {
        Path archive = archivePath(subject, id);
        return Optional.of(archive).filter(Files::isRegularFile).filter(path -> !isExpired(path, clock.instant()));
    }

    /** Deletes every expired archive, and what an interrupted export left behind for as long; returns how many. */
    public long purgeExpired() throws IOException {
        Instant now = clock.instant();
        return deleteFiles(root, path -> isExpired(path, now));
    }

    /** Deletes every archive of the user; returns how many. */
    public long deleteUser(Username user) throws IOException {
        return deleteFiles(subjectDirectory(ContractSubject.user(user)), path -> true);
    }

    /** Deletes the domain's archives and those of each of its users; returns how many. */
    public long deleteDomain(Domain domain) throws IOException {
        long deleted = deleteFiles(subjectDirectory(ContractSubject.domain(domain)), path -> true);
        Path users = root.resolve("users");
        if (!Files.isDirectory(users)) {
            return deleted;
        }
        try (Stream<Path> userDirectories = Files.list(users)) {
            for (Path directory : userDirectories.filter(path -> path.getFileName().toString().endsWith("@" + domain.asString())).toList()) {
                deleted += deleteFiles(directory, path -> true);
            }
        }
        return deleted;
    }

    private boolean isExpired(Path archive, Instant now) {
        try {
            return !Files.getLastModifiedTime(archive).toInstant().plus(configuration.archiveExpiry()).isAfter(now);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the matching files below the directory, then the directories left empty. */
    private static long deleteFiles(Path directory, Predicate<Path> filter) throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(directory)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        long deleted = 0;
        for (Path path : paths) {
            if (Files.isRegularFile(path) && filter.test(path)) {
                Files.delete(path);
                LOGGER.info("Deleted export archive {}", path.getFileName());
                deleted++;
            } else if (Files.isDirectory(path) && !path.equals(directory) && isEmpty(path)) {
                Files.delete(path);
            }
        }
        return deleted;
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    private Path archivePath(ContractSubject subject, UUID id) {
        return subjectDirectory(subject).resolve(id + SUFFIX);
    }

    private Path subjectDirectory(ContractSubject subject) {
        // Names become directory names: nothing that could leave the archive directory.
        Preconditions.checkArgument(!subject.name().contains("/") && !subject.name().startsWith("."),
            "Invalid name for an export: %s", subject.name());
        return root.resolve(subject.kind() == ContractSubject.Kind.USER ? "users" : "domains").resolve(subject.name());
    }
}
