package ch.postwall.server.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ch.postwall.mailbox.lifecycle.DeletionCounts;
import ch.postwall.server.export.CapturingExportArchive;

class DigestSettingsUserDataTest {
    private static final Username BOB = Username.of("bob@example.com");
    private static final Username CAROL = Username.of("carol@other.org");

    private MemoryDigestSettingsStore store;
    private DigestSettingsUserData userData;

    @BeforeEach
    void setUp() {
        store = new MemoryDigestSettingsStore();
        userData = new DigestSettingsUserData(store);
    }

    @Test
    void exportShouldWriteTheUsersSettings() throws Exception {
        store.setOptedOut(BOB, true);
        store.recordDigest(BOB, Instant.parse("2026-11-20T10:00:00Z"));
        CapturingExportArchive archive = new CapturingExportArchive();

        userData.export(BOB, archive);
        Map<String, String> entries = archive.entries();

        assertThat(entries).containsOnlyKeys("quarantine-digest/settings.json");
        assertThat(entries.get("quarantine-digest/settings.json")).contains("\"enabled\" : false")
            .contains("2026-11-20T10:00:00Z");
    }

    @Test
    void wipeUserShouldDeleteAndCountTheUsersSettings() {
        store.setOptedOut(BOB, true);

        assertThat(userData.wipeUser(BOB)).isEqualTo(DeletionCounts.of("digestSettings", 1));
        assertThat(userData.wipeUser(BOB)).isEqualTo(DeletionCounts.of("digestSettings", 0));
        assertThat(store.settings(BOB)).isEqualTo(DigestSettings.DEFAULT);
    }

    @Test
    void wipeDomainShouldDeleteOnlyThatDomainsSettings() {
        store.setOptedOut(BOB, true);
        store.setOptedOut(CAROL, true);

        assertThat(userData.wipeDomain(Domain.of("example.com"))).isEqualTo(DeletionCounts.of("digestSettings", 1));
        assertThat(store.settings(CAROL).optedOut()).isTrue();
    }
}
