package ch.postwall.server.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.junit.jupiter.api.Test;

public interface DigestSettingsStoreContract {
    Username ALICE = Username.of("alice@example.com");
    Username BOB = Username.of("bob@example.com");
    Username CAROL = Username.of("carol@other.org");
    Instant MADE_AT = Instant.parse("2026-11-20T10:00:00Z");

    DigestSettingsStore store();

    @Test
    default void settingsShouldBeTheDefaultWhenNothingStored() {
        assertThat(store().settings(ALICE)).isEqualTo(DigestSettings.DEFAULT);
    }

    @Test
    default void setOptedOutShouldBeReadBackAndKeepTheLastDigest() {
        store().recordDigest(ALICE, MADE_AT);

        store().setOptedOut(ALICE, true);

        assertThat(store().settings(ALICE)).isEqualTo(new DigestSettings(true, Optional.of(MADE_AT)));
        assertThat(store().settings(BOB)).isEqualTo(DigestSettings.DEFAULT);
    }

    @Test
    default void recordDigestShouldKeepTheOptOutAndReplaceThePreviousTime() {
        store().setOptedOut(ALICE, true);
        store().recordDigest(ALICE, MADE_AT);

        store().recordDigest(ALICE, MADE_AT.plusSeconds(60));

        assertThat(store().settings(ALICE)).isEqualTo(new DigestSettings(true, Optional.of(MADE_AT.plusSeconds(60))));
    }

    @Test
    default void optingInAgainShouldBeReadBack() {
        store().setOptedOut(ALICE, true);

        store().setOptedOut(ALICE, false);

        assertThat(store().settings(ALICE).optedOut()).isFalse();
    }

    @Test
    default void deleteUserShouldForgetOnlyThatUser() {
        store().setOptedOut(ALICE, true);
        store().setOptedOut(BOB, true);

        store().deleteUser(ALICE);

        assertThat(store().settings(ALICE)).isEqualTo(DigestSettings.DEFAULT);
        assertThat(store().settings(BOB).optedOut()).isTrue();
    }

    @Test
    default void deleteDomainShouldForgetOnlyThatDomainsUsers() {
        store().setOptedOut(ALICE, true);
        store().recordDigest(BOB, MADE_AT);
        store().setOptedOut(CAROL, true);

        assertThat(store().deleteDomain(Domain.of("example.com"))).isEqualTo(2);

        assertThat(store().settings(ALICE)).isEqualTo(DigestSettings.DEFAULT);
        assertThat(store().settings(BOB)).isEqualTo(DigestSettings.DEFAULT);
        assertThat(store().settings(CAROL).optedOut()).isTrue();
    }
}
