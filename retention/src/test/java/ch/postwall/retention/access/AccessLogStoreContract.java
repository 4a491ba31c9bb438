package ch.postwall.retention.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.utils.UpdatableTickingClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

public interface AccessLogStoreContract {
    Instant START = Instant.parse("2026-11-20T10:00:00Z");
    AccessLogConfiguration CONFIGURATION = AccessLogConfiguration.DEFAULT;
    Domain DOMAIN = Domain.of("postwall.test");
    Domain OTHER_DOMAIN = Domain.of("other.test");
    Username ALICE = Username.fromLocalPartWithDomain("alice", DOMAIN);
    Username BOB = Username.fromLocalPartWithDomain("bob", DOMAIN);
    Username CAROL = Username.fromLocalPartWithDomain("carol", OTHER_DOMAIN);

    /** Shared by the tests of a class, so set back to {@link #START} before each. */
    UpdatableTickingClock CLOCK = new UpdatableTickingClock(START);

    AccessLogStore store();

    @BeforeEach
    default void resetClock() {
        CLOCK.setInstant(START);
    }

    static AccessEntry success(String id, Instant time, Username account, AccessType type) {
        return new AccessEntry(id, time, account, type, "192.0.2.7", Optional.empty());
    }

    static AccessEntry failure(String id, Instant time, Username account, AccessType type, String reason) {
        return new AccessEntry(id, time, account, type, "2001:db8::1", Optional.of(reason));
    }

    @Test
    default void listByUserShouldReturnTheAccountsEntriesNewestFirst() {
        AccessEntry login = success("1", START.minusSeconds(60), ALICE, AccessType.IMAP);
        AccessEntry failed = failure("2", START.minusSeconds(30), ALICE, AccessType.SMTP_AUTH, "bad credentials");
        store().append(login);
        store().append(failed);
        store().append(success("3", START.minusSeconds(10), BOB, AccessType.POP3));

        assertThat(store().listByUser(ALICE, 10)).containsExactly(failed, login);
    }

    @Test
    default void listByUserShouldOrderByIdWhenSameTime() {
        AccessEntry second = success("b", START, ALICE, AccessType.CALDAV);
        AccessEntry first = success("a", START, ALICE, AccessType.WEBADMIN);
        store().append(second);
        store().append(first);

        assertThat(store().listByUser(ALICE, 10)).containsExactly(first, second);
    }

    @Test
    default void listByUserShouldStopAtTheLimit() {
        store().append(success("1", START.minusSeconds(3), ALICE, AccessType.IMAP));
        store().append(success("2", START.minusSeconds(2), ALICE, AccessType.IMAP));
        store().append(success("3", START.minusSeconds(1), ALICE, AccessType.IMAP));

        assertThat(store().listByUser(ALICE, 2)).extracting(AccessEntry::id).containsExactly("3", "2");
    }

    @Test
    default void listByDomainShouldReturnEveryAccountOfTheDomainAcrossDays() {
        store().append(success("1", START.minus(Duration.ofDays(3)), ALICE, AccessType.IMAP));
        store().append(success("2", START.minusSeconds(5), BOB, AccessType.REST));
        store().append(success("3", START.minusSeconds(1), CAROL, AccessType.IMAP));

        assertThat(store().listByDomain(DOMAIN, 10)).extracting(AccessEntry::id).containsExactly("2", "1");
        assertThat(store().listByDomain(DOMAIN, 1)).extracting(AccessEntry::id).containsExactly("2");
    }

    @Test
    default void entriesShouldNotBeListedWhenOlderThanTheLogPeriod() {
        store().append(success("old", START.minus(Duration.ofDays(13)), ALICE, AccessType.IMAP));
        store().append(success("recent", START.minus(Duration.ofDays(1)), ALICE, AccessType.IMAP));

        CLOCK.setInstant(START.plus(Duration.ofDays(2)));

        assertThat(store().listByUser(ALICE, 10)).extracting(AccessEntry::id).containsExactly("recent");
        assertThat(store().listByDomain(DOMAIN, 10)).extracting(AccessEntry::id).containsExactly("recent");
    }

    @Test
    default void deleteUserShouldRemoveOnlyThatAccountEverywhere() {
        store().append(success("1", START.minusSeconds(2), ALICE, AccessType.IMAP));
        store().append(success("2", START.minusSeconds(1), BOB, AccessType.IMAP));

        store().deleteUser(ALICE);

        assertThat(store().listByUser(ALICE, 10)).isEmpty();
        assertThat(store().listByDomain(DOMAIN, 10)).extracting(AccessEntry::id).containsExactly("2");
    }

    @Test
    default void deleteDomainShouldRemoveEveryAccountOfTheDomain() {
        store().append(success("1", START.minus(Duration.ofDays(5)), ALICE, AccessType.IMAP));
        store().append(success("2", START.minusSeconds(1), BOB, AccessType.IMAP));
        store().append(success("3", START.minusSeconds(1), CAROL, AccessType.IMAP));

        store().deleteDomain(DOMAIN);

        assertThat(store().listByDomain(DOMAIN, 10)).isEmpty();
        assertThat(store().listByUser(ALICE, 10)).isEmpty();
        assertThat(store().listByUser(BOB, 10)).isEmpty();
        assertThat(store().listByUser(CAROL, 10)).hasSize(1);
    }

    /** For backends whose expired entries are deleted by {@link AccessLogStore#purgeExpired()} rather than a TTL. */
    interface PurgeContract extends AccessLogStoreContract {
        @Test
        default void purgeExpiredShouldDeleteEntriesOlderThanTheLogPeriod() {
            store().append(success("old", START.minus(Duration.ofDays(13)), ALICE, AccessType.IMAP));
            store().append(success("recent", START.minus(Duration.ofDays(1)), ALICE, AccessType.IMAP));
            CLOCK.setInstant(START.plus(Duration.ofDays(2)));

            assertThat(store().purgeExpired()).isEqualTo(1);

            // Back in time the old entry would be live again, unless it is really gone.
            CLOCK.setInstant(START);
            assertThat(store().listByUser(ALICE, 10)).extracting(AccessEntry::id).containsExactly("recent");
        }
    }
}
