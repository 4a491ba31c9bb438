package ch.postwall.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ch.postwall.mailbox.testing.ControllableClock;
import ch.postwall.retention.access.AccessLogConfiguration;

public interface AuditLogStoreContract {
    Instant START = Instant.parse("2026-11-20T10:00:00Z");
    AccessLogConfiguration CONFIGURATION = new AccessLogConfiguration(Duration.ofDays(14), Duration.ofHours(1));
    Domain EXAMPLE = Domain.of("example.com");
    Username ALICE = Username.of("alice@example.com");
    Username BOB = Username.of("bob@example.com");
    Username CAROL = Username.of("carol@other.org");
    int LIMIT = 100;

    /** Shared by the store under test and the contract; reset before each test. */
    ControllableClock CLOCK = new ControllableClock(START);

    /** The store under test, driven by {@link #CLOCK} and {@link #CONFIGURATION}. */
    AuditLogStore store();

    @BeforeEach
    default void resetClock() {
        CLOCK.set(START);
    }

    /** An access now by the principal to the owner's quarantined message (to a raw log without owner). */
    private AuditEntry access(String id, String principal, Optional<Username> owner) {
        return new AuditEntry(id, CLOCK.instant(), principal, "QUARANTINE_MESSAGE",
            owner.map(user -> "quarantine/" + user.asString() + "/" + id).orElse("protocol-logs/" + id), owner);
    }

    @Test
    default void listByUserShouldReturnAccessesToTheUsersDataAndByTheUserNewestFirst() {
        AuditEntry byAdmin = access("a1", "root", Optional.of(ALICE));
        store().append(byAdmin);
        CLOCK.advance(Duration.ofMinutes(1));
        AuditEntry byAlice = access("a2", ALICE.asString(), Optional.of(BOB));
        store().append(byAlice);
        store().append(access("a3", "root", Optional.of(CAROL)));

        assertThat(store().listByUser(ALICE, LIMIT)).containsExactly(byAlice, byAdmin);
    }

    @Test
    default void listByDomainShouldReturnOnlyAccessesToThatDomainsData() {
        AuditEntry alice = access("a1", "tech", Optional.of(ALICE));
        store().append(alice);
        store().append(access("a2", "tech", Optional.of(CAROL)));
        store().append(access("a3", "root", Optional.empty()));

        assertThat(store().listByDomain(EXAMPLE, LIMIT)).containsExactly(alice);
    }

    @Test
    default void listPlatformWideShouldReturnAccessesToRawLogs() {
        AuditEntry log = access("a1", "root", Optional.empty());
        store().append(log);
        store().append(access("a2", "root", Optional.of(ALICE)));

        assertThat(store().listPlatformWide(LIMIT)).containsExactly(log);
    }

    @Test
    default void listingsShouldHonourTheLimit() {
        store().append(access("a1", "root", Optional.of(ALICE)));
        CLOCK.advance(Duration.ofSeconds(1));
        AuditEntry newest = access("a2", "root", Optional.of(ALICE));
        store().append(newest);

        assertThat(store().listByUser(ALICE, 1)).containsExactly(newest);
        assertThat(store().listByDomain(EXAMPLE, 1)).containsExactly(newest);
    }

    @Test
    default void entriesShouldBeGoneAfterTheLogPeriod() {
        store().append(access("a1", "root", Optional.of(ALICE)));
        store().append(access("a2", "root", Optional.empty()));
        CLOCK.advance(CONFIGURATION.retention().minusSeconds(1));
        AuditEntry recent = access("a3", "root", Optional.of(ALICE));
        store().append(recent);
        CLOCK.advance(Duration.ofSeconds(1));

        store().purgeExpired();

        assertThat(store().listByUser(ALICE, LIMIT)).containsExactly(recent);
        assertThat(store().listPlatformWide(LIMIT)).isEmpty();
    }

    @Test
    default void entriesShouldBeKeptWithinTheLogPeriod() {
        AuditEntry entry = access("a1", "root", Optional.of(ALICE));
        store().append(entry);
        CLOCK.advance(CONFIGURATION.retention().minusSeconds(1));

        store().purgeExpired();

        assertThat(store().listByUser(ALICE, LIMIT)).containsExactly(entry);
    }

    @Test
    default void deleteUserShouldDeleteOnlyTheEntriesConcerningTheUser() {
        store().append(access("a1", "root", Optional.of(ALICE)));
        store().append(access("a2", ALICE.asString(), Optional.of(BOB)));
        AuditEntry bobsOwn = access("a3", BOB.asString(), Optional.of(BOB));
        store().append(bobsOwn);

        store().deleteUser(ALICE);

        assertThat(store().listByUser(ALICE, LIMIT)).isEmpty();
        assertThat(store().listByDomain(EXAMPLE, LIMIT)).containsExactly(bobsOwn);
    }

    @Test
    default void deleteDomainShouldDeleteOnlyThatDomainsEntries() {
        store().append(access("a1", "root", Optional.of(ALICE)));
        AuditEntry carol = access("a2", "root", Optional.of(CAROL));
        store().append(carol);
        AuditEntry log = access("a3", "root", Optional.empty());
        store().append(log);

        store().deleteDomain(EXAMPLE);

        assertThat(store().listByDomain(EXAMPLE, LIMIT)).isEmpty();
        assertThat(store().listByUser(CAROL, LIMIT)).containsExactly(carol);
        assertThat(store().listPlatformWide(LIMIT)).containsExactly(log);
    }
}
