package ch.postwall.retention.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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



import ch.postwall.mailbox.lifecycle.ExportStep;
import ch.postwall.mailbox.testing.ControllableClock;
import ch.postwall.retention.contract.ContractSubject;

class ExportArchivesTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final Domain EXAMPLE = Domain.of("example.com");
    private static final Username ALICE = Username.of("alice@example.com");
    private static final Username BOB = Username.of("bob@example.com");
    private static final Username CAROL = Username.of("carol@other.org");

    @TempDir
    Path root;
    private final ControllableClock clock = new ControllableClock(NOW);
    private ExportArchives archives;

    /** Writes one entry naming the user, so the archive shows whose data it holds. */
    private static final ExportStep OWNER_STEP = new ExportStep() {
        @Override
        public String name() {
            return "owner";
        }

        @Override
        public void export(Username user, ch.postwall.mailbox.lifecycle.ExportArchive archive) throws IOException {
            archive.addEntry("owner/name.txt", 1, output -> output.write(user.asString().getBytes(StandardCharsets.UTF_8)));
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        MemoryDomainList domains = new MemoryDomainList(null);
        domains.configure(DomainListConfiguration.builder().autoDetect(false).autoDetectIp(false).build());
        domains.addDomain(EXAMPLE);
        domains.addDomain(Domain.of("other.org"));
        MemoryUsersRepository users = MemoryUsersRepository.withVirtualHosting(domains);
        for (Username user : List.of(ALICE, BOB, CAROL)) {
            users.addUser(user, "secret");
        }
        archives = new ExportArchives(root, new UserExport(Set.of(OWNER_STEP), clock), users, ExportConfiguration.DEFAULT, clock);
    }

    @Test
    void userArchiveShouldHoldTheStepsEntriesAndTheManifestWhenReady() throws Exception {
        ContractSubject alice = ContractSubject.user(ALICE);
        String id = archives.request(alice);

        awaitReady(alice, id);

        assertThat(entries(Files.newInputStream(archives.archive(alice, id).orElseThrow())))
            .containsExactly("owner/name.txt", ZipExportArchive.MANIFEST);
        assertThat(archives.status(alice, id).orElseThrow().expiresAt()).contains(NOW.plus(ExportConfiguration.DEFAULT_EXPIRY));
    }

    @Test
    void domainArchiveShouldHoldOneArchivePerUserOfTheDomainOnly() throws Exception {
        ContractSubject domain = ContractSubject.domain(EXAMPLE);
        String id = archives.request(domain);

        awaitReady(domain, id);

        assertThat(entries(Files.newInputStream(archives.archive(domain, id).orElseThrow())))
            .containsExactlyInAnyOrder("alice@example.com.zip", "bob@example.com.zip");
    }

    @Test
    void statusShouldBeEmptyWhenTheIdBelongsToAnotherSubject() {
        ContractSubject alice = ContractSubject.user(ALICE);
        String id = archives.request(alice);
        awaitReady(alice, id);

        assertThat(archives.status(ContractSubject.user(BOB), id)).isEmpty();
        assertThat(archives.status(alice, "../../etc")).isEmpty();
    }

    @Test
    void purgeShouldDeleteTheArchiveWhenItExpired() {
        ContractSubject alice = ContractSubject.user(ALICE);
        String id = archives.request(alice);
        awaitReady(alice, id);

        clock.advance(ExportConfiguration.DEFAULT_EXPIRY.minus(Duration.ofMinutes(1)));
        assertThat(archives.purgeExpired()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(archives.purgeExpired()).isEqualTo(1);

        assertThat(archives.status(alice, id)).isEmpty();
        assertThat(archives.archive(alice, id)).isEmpty();
    }

    @Test
    void deleteAllOfADomainShouldRemoveItsArchivesAndThoseOfItsUsersOnly() {
        ContractSubject domain = ContractSubject.domain(EXAMPLE);
        ContractSubject alice = ContractSubject.user(ALICE);
        ContractSubject carol = ContractSubject.user(CAROL);
        String domainId = archives.request(domain);
        String aliceId = archives.request(alice);
        String carolId = archives.request(carol);
        awaitReady(domain, domainId);
        awaitReady(alice, aliceId);
        awaitReady(carol, carolId);

        assertThat(archives.deleteAll(domain)).isEqualTo(2);

        assertThat(archives.status(domain, domainId)).isEmpty();
        assertThat(archives.status(alice, aliceId)).isEmpty();
        assertThat(archives.status(carol, carolId)).isPresent();
    }

    private void awaitReady(ContractSubject subject, String id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> archives.status(subject, id)
            .map(status -> status.state() == ExportArchives.State.READY).orElse(false));
    }

    private static List<String> entries(InputStream archive) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(archive)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
