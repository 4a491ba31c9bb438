package ch.postwall.server.roles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ch.postwall.mailbox.testing.ControllableClock;
import ch.postwall.server.roles.RoleGrantStore.UserRoleGrants;

public interface RoleGrantStoreContract {
    Instant START = Instant.parse("2026-11-20T10:00:00Z");
    Domain EXAMPLE = Domain.of("example.com");
    Domain OTHER = Domain.of("other.org");
    Username ALICE = Username.of("alice@example.com");
    Username BOB = Username.of("bob@example.com");
    Username CAROL = Username.of("carol@other.org");
    StaffAccount ROOT = new StaffAccount("root", StaffRole.PLATFORM_ADMIN, "pbkdf2-sha256$1$c2FsdA$aGFzaA");
    StaffAccount TECH = new StaffAccount("tech", StaffRole.TECHNICAL_ADMIN, "pbkdf2-sha256$1$c2FsdA$dGVjaA");

    /** Shared by the store under test and the contract; reset before each test. */
    ControllableClock CLOCK = new ControllableClock(START);

    /** The store under test, driven by {@link #CLOCK}. */
    RoleGrantStore store();

    @BeforeEach
    default void resetClock() {
        CLOCK.set(START);
    }

    private SupportGrant grantFor(Domain domain, Username by, Duration validity) {
        return new SupportGrant(domain, by, CLOCK.instant(), CLOCK.instant().plus(validity));
    }

    @Test
    default void staffShouldReturnAccountWhenPut() {
        store().putStaff(ROOT);

        assertThat(store().staff("root")).contains(ROOT);
        assertThat(store().staff("tech")).isEmpty();
    }

    @Test
    default void putStaffShouldReplaceAccountWithSameLogin() {
        store().putStaff(ROOT);
        StaffAccount demoted = new StaffAccount("root", StaffRole.SUPPORT, "pbkdf2-sha256$1$bmV3$bmV3");

        store().putStaff(demoted);

        assertThat(store().listStaff()).containsExactly(demoted);
    }

    @Test
    default void listStaffShouldReturnAccountsByLoginWhenSeveral() {
        store().putStaff(TECH);
        store().putStaff(ROOT);

        assertThat(store().listStaff()).containsExactly(ROOT, TECH);
    }

    @Test
    default void removeStaffShouldRemoveOnlyThatAccount() {
        store().putStaff(ROOT);
        store().putStaff(TECH);

        store().removeStaff("root");

        assertThat(store().listStaff()).containsExactly(TECH);
    }

    @Test
    default void administeredDomainsShouldReturnGrantedDomains() {
        store().grantDomainAdmin(ALICE, EXAMPLE);
        store().grantDomainAdmin(ALICE, OTHER);
        store().grantDomainAdmin(ALICE, EXAMPLE);

        assertThat(store().administeredDomains(ALICE)).containsExactlyInAnyOrder(EXAMPLE, OTHER);
        assertThat(store().administeredDomains(BOB)).isEmpty();
        assertThat(store().domainAdmins(EXAMPLE)).containsExactly(ALICE);
    }

    @Test
    default void revokeDomainAdminShouldRemoveOnlyThatDomain() {
        store().grantDomainAdmin(ALICE, EXAMPLE);
        store().grantDomainAdmin(ALICE, OTHER);

        store().revokeDomainAdmin(ALICE, OTHER);

        assertThat(store().administeredDomains(ALICE)).containsExactly(EXAMPLE);
        assertThat(store().domainAdmins(OTHER)).isEmpty();
    }

    @Test
    default void supportGrantShouldBeValidUntilItsEndThenGone() {
        SupportGrant grant = grantFor(EXAMPLE, ALICE, Duration.ofDays(2));
        store().grantSupport(grant);

        CLOCK.advance(Duration.ofDays(2).minusSeconds(1));
        assertThat(store().supportGrant(EXAMPLE)).contains(grant);

        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(store().supportGrant(EXAMPLE)).isEmpty();
        assertThat(store().listByUser(ALICE).supportGrantsGiven()).isEmpty();
    }

    @Test
    default void grantSupportShouldReplaceEarlierGrantOfDomain() {
        store().grantSupport(grantFor(EXAMPLE, ALICE, Duration.ofDays(2)));
        SupportGrant shorter = grantFor(EXAMPLE, BOB, Duration.ofHours(1));

        store().grantSupport(shorter);

        assertThat(store().supportGrant(EXAMPLE)).contains(shorter);
        assertThat(store().listByUser(ALICE).supportGrantsGiven()).isEmpty();
    }

    @Test
    default void revokeSupportShouldEndGrantAtOnce() {
        store().grantSupport(grantFor(EXAMPLE, ALICE, Duration.ofDays(2)));
        SupportGrant other = grantFor(OTHER, CAROL, Duration.ofDays(2));
        store().grantSupport(other);

        store().revokeSupport(EXAMPLE);

        assertThat(store().supportGrant(EXAMPLE)).isEmpty();
        assertThat(store().supportGrant(OTHER)).contains(other);
    }

    @Test
    default void purgeExpiredShouldDeleteOnlyEndedGrants() {
        store().grantSupport(grantFor(EXAMPLE, ALICE, Duration.ofHours(1)));
        SupportGrant longer = grantFor(OTHER, CAROL, Duration.ofDays(3));
        store().grantSupport(longer);
        CLOCK.advance(Duration.ofHours(2));

        assertThat(store().purgeExpired()).isEqualTo(1);
        assertThat(store().purgeExpired()).isZero();
        // Back at the start the ended grant would be valid again, unless really deleted.
        CLOCK.set(START);
        assertThat(store().supportGrant(EXAMPLE)).isEmpty();
        assertThat(store().supportGrant(OTHER)).contains(longer);
    }

    @Test
    default void listByUserShouldReturnAdministeredDomainsAndGivenGrants() {
        store().grantDomainAdmin(ALICE, EXAMPLE);
        SupportGrant given = grantFor(EXAMPLE, ALICE, Duration.ofDays(1));
        store().grantSupport(given);
        store().grantSupport(grantFor(OTHER, CAROL, Duration.ofDays(1)));

        assertThat(store().listByUser(ALICE)).isEqualTo(new UserRoleGrants(Set.of(EXAMPLE), List.of(given)));
    }

    @Test
    default void deleteUserShouldRemoveTheUsersAdminGrantsOnly() {
        store().grantDomainAdmin(ALICE, EXAMPLE);
        store().grantDomainAdmin(BOB, EXAMPLE);

        store().deleteUser(ALICE);

        assertThat(store().administeredDomains(ALICE)).isEmpty();
        assertThat(store().domainAdmins(EXAMPLE)).containsExactly(BOB);
    }

    @Test
    default void deleteDomainShouldRemoveItsAdminsAndSupportGrantOnly() {
        store().grantDomainAdmin(ALICE, EXAMPLE);
        store().grantDomainAdmin(ALICE, OTHER);
        store().grantSupport(grantFor(EXAMPLE, ALICE, Duration.ofDays(1)));
        SupportGrant other = grantFor(OTHER, CAROL, Duration.ofDays(1));
        store().grantSupport(other);

        store().deleteDomain(EXAMPLE);

        assertThat(store().domainAdmins(EXAMPLE)).isEmpty();
        assertThat(store().administeredDomains(ALICE)).containsExactly(OTHER);
        assertThat(store().supportGrant(EXAMPLE)).isEmpty();
        assertThat(store().supportGrant(OTHER)).contains(other);
    }
}
