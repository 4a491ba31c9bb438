package ch.postwall.retention.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.domainlist.lib.DomainListConfiguration;
import org.apache.james.domainlist.memory.MemoryDomainList;
import org.apache.james.user.memory.MemoryUsersRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ch.postwall.mailbox.lifecycle.ExportArchive;
import ch.postwall.mailbox.lifecycle.ExportStep;
import ch.postwall.mailbox.testing.ControllableClock;
import ch.postwall.retention.contract.ContractSubject;

class ExportArchivesTest {
    private static final Domain DOMAIN = Domain.of("archives.test");
    private static final Domain OTHER_DOMAIN = Domain.of("other.test");
    private static final Username ALICE = Username.fromLocalPartWithDomain("alice", DOMAIN);
    private static final Username BOB = Username.fromLocalPartWithDomain("bob", DOMAIN);
    private static final Username CAROL = Username.fromLocalPartWithDomain("carol", OTHER_DOMAIN);
    private static final Duration EXPIRY = Duration.ofDays(2);

    /** Writes one entry naming the user; fails for a user called "broken". */
    static class NoteStep implements ExportStep {
        @Override
        public String name() {
            return "note";
        }

        @Override
        public void export(Username user, ExportArchive archive) throws IOException {
            if (user.getLocalPart().equals("broken")) {
                throw new IOException("cannot read");
            }
            archive.addEntry("note/owner.txt", 1, output -> output.write(user.asString().getBytes(StandardCharsets.UTF_8)));
        }
    }

    @TempDir
    Path root;

    private final ControllableClock clock = new ControllableClock(Instant.parse("2026-11-01T10:00:00Z"));
    private ExportArchives archives;

    @BeforeEach
    void setUp() throws Exception {
        MemoryDomainList domainList = new MemoryDomainList(null);
        domainList.configure(DomainListConfiguration.builder().autoDetect(false).autoDetectIp(false).build());
        domainList.addDomain(DOMAIN);
        domainList.addDomain(OTHER_DOMAIN);
        MemoryUsersRepository users = MemoryUsersRepository.withVirtualHosting(domainList);
        for (Username user : Set.of(ALICE, BOB, CAROL, Username.fromLocalPartWithDomain("broken", OTHER_DOMAIN))) {
            users.addUser(user, "secret");
        }
        UserExport export = new UserExport(Set.of(new NoteStep()), users, clock);
        archives = new ExportArchives(export, root, ExportConfiguration.builder().archiveExpiry(EXPIRY).build(), clock);
    }

    private static TreeMap<String, String> entries(Path archive) throws IOException {
        TreeMap<String, String> entries = new TreeMap<>();
        try (InputStream input = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(input)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    @Test
    void findShouldGiveTheWrittenArchiveOfTheUser() throws Exception {
        UUID id = UUID.randomUUID();

        archives.write(ContractSubject.user(ALICE), id);

        assertThat(entries(archives.find(ContractSubject.user(ALICE), id).orElseThrow()))
            .containsEntry("note/owner.txt", ALICE.asString()).containsKey(ZipExportArchive.MANIFEST);
        assertThat(archives.find(ContractSubject.user(BOB), id)).isEmpty();
        assertThat(archives.find(ContractSubject.user(ALICE), UUID.randomUUID())).isEmpty();
    }

    @Test
    void domainArchiveShouldHoldEveryUserOfTheDomainInAFolderEach() throws Exception {
        UUID id = UUID.randomUUID();

        archives.write(ContractSubject.domain(DOMAIN), id);

        assertThat(entries(archives.find(ContractSubject.domain(DOMAIN), id).orElseThrow()))
            .containsOnlyKeys(ALICE.asString() + "/note/owner.txt", BOB.asString() + "/note/owner.txt", ZipExportArchive.MANIFEST)
            .containsEntry(BOB.asString() + "/note/owner.txt", BOB.asString());
    }

    @Test
    void writeShouldLeaveNoFileWhenTheExportFails() throws Exception {
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> archives.write(ContractSubject.domain(OTHER_DOMAIN), id)).isInstanceOf(IOException.class);

        assertThat(archives.find(ContractSubject.domain(OTHER_DOMAIN), id)).isEmpty();
        try (var files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void archiveShouldBeDeletedByThePurgeOnceExpired() throws Exception {
        UUID old = UUID.randomUUID();
        archives.write(ContractSubject.user(ALICE), old);
        clock.advance(EXPIRY.minusHours(1));
        UUID recent = UUID.randomUUID();
        archives.write(ContractSubject.user(ALICE), recent);

        assertThat(archives.purgeExpired()).isZero();
        clock.advance(Duration.ofHours(1));

        assertThat(archives.find(ContractSubject.user(ALICE), old)).isEmpty();
        assertThat(archives.purgeExpired()).isEqualTo(1);
        assertThat(archives.find(ContractSubject.user(ALICE), recent)).isPresent();
        try (var files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(1);
        }
    }

    @Test
    void deleteDomainShouldDeleteTheArchivesOfTheDomainAndOfItsUsersOnly() throws Exception {
        archives.write(ContractSubject.domain(DOMAIN), UUID.randomUUID());
        archives.write(ContractSubject.user(ALICE), UUID.randomUUID());
        archives.write(ContractSubject.user(BOB), UUID.randomUUID());
        UUID carols = UUID.randomUUID();
        archives.write(ContractSubject.user(CAROL), carols);

        assertThat(archives.deleteDomain(DOMAIN)).isEqualTo(3);
        assertThat(archives.deleteDomain(DOMAIN)).isZero();
        assertThat(archives.find(ContractSubject.user(CAROL), carols)).isPresent();
        assertThat(archives.deleteUser(CAROL)).isEqualTo(1);
    }

    @Test
    void subjectNamesShouldNotLeaveTheArchiveDirectory() {
        assertThatThrownBy(() -> archives.find(new ContractSubject(ContractSubject.Kind.USER, "../etc"), UUID.randomUUID()))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
