package ch.postwall.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ch.postwall.mailbox.lifecycle.DeletionCounts;
import ch.postwall.server.export.CapturingExportArchive;
import ch.postwall.mailbox.testing.ControllableClock;
import ch.postwall.retention.access.AccessLogConfiguration;

class AuditLogUserDataTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final Username BOB = Username.of("bob@example.com");
    private static final Username CAROL = Username.of("carol@other.org");

    private MemoryAuditLogStore store;
    private AuditLogUserData userData;

    @BeforeEach
    void setUp() {
        store = new MemoryAuditLogStore(new ControllableClock(NOW), AccessLogConfiguration.DEFAULT);
        userData = new AuditLogUserData(store);
        store.append(new AuditEntry("a1", NOW, "tech", "QUARANTINE_HEADERS", "quarantine/bob@example.com/m1/headers", Optional.of(BOB)));
        store.append(new AuditEntry("a2", NOW, "tech", "QUARANTINE_HEADERS", "quarantine/carol@other.org/m2/headers", Optional.of(CAROL)));
    }

    @Test
    void exportShouldWriteTheEntriesAboutTheUser() throws Exception {
        CapturingExportArchive archive = new CapturingExportArchive();
        userData.export(BOB, archive);
        Map<String, String> entries = archive.entries();

        assertThat(entries).containsOnlyKeys("audit-log/entries.json");
        assertThat(entries.get("audit-log/entries.json")).contains("quarantine/bob@example.com/m1/headers").doesNotContain("carol");
    }

    @Test
    void wipeUserShouldDeleteAndCountTheUsersEntries() {
        assertThat(userData.wipeUser(BOB)).isEqualTo(DeletionCounts.of("auditEntries", 1));

        assertThat(store.listByUser(BOB, 10)).isEmpty();
        assertThat(store.listByUser(CAROL, 10)).hasSize(1);
    }

    @Test
    void wipeDomainShouldDeleteAndCountTheDomainsEntries() {
        assertThat(userData.wipeDomain(Domain.of("other.org"))).isEqualTo(DeletionCounts.of("auditEntries", 1));

        assertThat(store.listByDomain(Domain.of("other.org"), 10)).isEmpty();
        assertThat(store.listByUser(BOB, 10)).hasSize(1);
    }
}
