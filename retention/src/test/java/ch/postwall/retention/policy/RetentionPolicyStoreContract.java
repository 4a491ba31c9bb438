package ch.postwall.retention.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.junit.jupiter.api.Test;

import ch.postwall.mailbox.lifecycle.UserRetention;

public interface RetentionPolicyStoreContract {
    Domain DOMAIN = Domain.of("postwall.test");
    Domain OTHER_DOMAIN = Domain.of("other.test");
    Username ALICE = Username.fromLocalPartWithDomain("alice", DOMAIN);
    Username BOB = Username.fromLocalPartWithDomain("bob", DOMAIN);
    Username CAROL = Username.fromLocalPartWithDomain("carol", OTHER_DOMAIN);
    Duration DAYS_30 = Duration.ofDays(30);
    Duration YEARS_2 = Duration.ofDays(730);
    DomainRetentionLimits LIMITS = new DomainRetentionLimits(
        new RetentionLimits(Optional.of(Duration.ofDays(7)), Optional.of(YEARS_2)),
        new RetentionLimits(Optional.empty(), Optional.of(Duration.ofDays(365))));

    RetentionPolicyStore store();

    @Test
    default void limitsShouldBeNoneWhenNeverSet() {
        assertThat(store().limits(DOMAIN)).isEqualTo(DomainRetentionLimits.NONE);
    }

    @Test
    default void limitsShouldBeReadBackWhenSet() {
        store().setLimits(DOMAIN, LIMITS);

        assertThat(store().limits(DOMAIN)).isEqualTo(LIMITS);
        assertThat(store().limits(OTHER_DOMAIN)).isEqualTo(DomainRetentionLimits.NONE);
    }

    @Test
    default void limitsShouldBeReplacedWhenSetAgain() {
        store().setLimits(DOMAIN, LIMITS);
        store().setLimits(DOMAIN, DomainRetentionLimits.NONE);

        assertThat(store().limits(DOMAIN)).isEqualTo(DomainRetentionLimits.NONE);
    }

    @Test
    default void choicesShouldBeListedByKindThenContainerWhenChosen() {
        store().choose(ALICE, RetentionChoice.mailFolder("Trash", DAYS_30));
        store().choose(ALICE, RetentionChoice.calendar("Work", DAYS_30));
        store().choose(ALICE, RetentionChoice.mailFolder("INBOX", YEARS_2));
        store().choose(ALICE, new RetentionChoice(ContainerKind.MAIL_FOLDER, "Archive", Optional.empty()));

        assertThat(store().choices(ALICE)).containsExactly(
            new RetentionChoice(ContainerKind.MAIL_FOLDER, "Archive", Optional.empty()),
            RetentionChoice.mailFolder("INBOX", YEARS_2),
            RetentionChoice.mailFolder("Trash", DAYS_30),
            RetentionChoice.calendar("Work", DAYS_30));
        assertThat(store().choices(BOB)).isEmpty();
    }

    @Test
    default void chooseShouldReplaceTheEarlierChoiceWhenSameContainer() {
        store().choose(ALICE, RetentionChoice.mailFolder("Trash", DAYS_30));
        store().choose(ALICE, RetentionChoice.mailFolder("Trash", YEARS_2));

        assertThat(store().choices(ALICE)).containsExactly(RetentionChoice.mailFolder("Trash", YEARS_2));
    }

    @Test
    default void chooseShouldBeRefusedWhenShorterThanTheMinimum() {
        store().setLimits(DOMAIN, LIMITS);

        assertThatThrownBy(() -> store().choose(ALICE, RetentionChoice.mailFolder("Trash", Duration.ofDays(1))))
            .isInstanceOf(RetentionOutsideLimitsException.class)
            .hasMessageContaining("'Trash'")
            .hasMessageContaining("at least 7 days");
        assertThat(store().choices(ALICE)).isEmpty();
    }

    @Test
    default void chooseShouldBeRefusedWhenLongerThanTheMaximum() {
        store().setLimits(DOMAIN, LIMITS);

        assertThatThrownBy(() -> store().choose(ALICE, RetentionChoice.calendar("Work", YEARS_2)))
            .isInstanceOf(RetentionOutsideLimitsException.class)
            .hasMessageContaining("at most 365 days");
    }

    @Test
    default void chooseShouldBeRefusedWhenForeverAndTheDomainHasAMaximum() {
        store().setLimits(DOMAIN, LIMITS);

        assertThatThrownBy(() -> store().choose(ALICE, new RetentionChoice(ContainerKind.MAIL_FOLDER, "Archive", Optional.empty())))
            .isInstanceOf(RetentionOutsideLimitsException.class)
            .hasMessageContaining("Retention forever");
    }

    @Test
    default void chooseShouldBeAcceptedWhenWithinTheLimits() {
        store().setLimits(DOMAIN, LIMITS);

        store().choose(ALICE, RetentionChoice.mailFolder("INBOX", YEARS_2));

        assertThat(store().choices(ALICE)).containsExactly(RetentionChoice.mailFolder("INBOX", YEARS_2));
    }

    @Test
    default void removeChoiceShouldRemoveOnlyThatContainer() {
        store().choose(ALICE, RetentionChoice.mailFolder("Trash", DAYS_30));
        store().choose(ALICE, RetentionChoice.calendar("Trash", DAYS_30));

        store().removeChoice(ALICE, ContainerKind.MAIL_FOLDER, "Trash");

        assertThat(store().choices(ALICE)).containsExactly(RetentionChoice.calendar("Trash", DAYS_30));
    }

    @Test
    default void retentionOfShouldApplyChoicesAndTheMaximumElsewhere() {
        store().setLimits(DOMAIN, LIMITS);
        store().choose(ALICE, RetentionChoice.mailFolder("Trash", DAYS_30));

        UserRetention retention = store().retentionOf(ALICE);

        assertThat(retention.forMailFolder("Trash")).contains(DAYS_30);
        assertThat(retention.forMailFolder("INBOX")).contains(YEARS_2);
        assertThat(retention.forCalendar("Work")).contains(Duration.ofDays(365));
    }

    @Test
    default void retentionOfShouldBeForeverWhenNoLimitsAndNoChoice() {
        assertThat(store().retentionOf(ALICE)).isEqualTo(UserRetention.FOREVER);
    }

    @Test
    default void retentionOfShouldClampAChoiceWhenLimitsWereTightenedAfterIt() {
        store().choose(ALICE, RetentionChoice.mailFolder("Trash", Duration.ofDays(1)));
        store().choose(ALICE, new RetentionChoice(ContainerKind.MAIL_FOLDER, "Archive", Optional.empty()));
        store().setLimits(DOMAIN, LIMITS);

        UserRetention retention = store().retentionOf(ALICE);

        assertThat(retention.forMailFolder("Trash")).contains(Duration.ofDays(7));
        assertThat(retention.forMailFolder("Archive")).contains(YEARS_2);
    }

    @Test
    default void deleteUserShouldRemoveOnlyThatUsersChoices() {
        store().setLimits(DOMAIN, LIMITS);
        store().choose(ALICE, RetentionChoice.mailFolder("Trash", DAYS_30));
        store().choose(BOB, RetentionChoice.mailFolder("Trash", DAYS_30));

        store().deleteUser(ALICE);

        assertThat(store().choices(ALICE)).isEmpty();
        assertThat(store().choices(BOB)).hasSize(1);
        assertThat(store().limits(DOMAIN)).isEqualTo(LIMITS);
    }

    @Test
    default void deleteDomainShouldRemoveItsLimitsAndItsUsersChoices() {
        store().setLimits(DOMAIN, LIMITS);
        store().setLimits(OTHER_DOMAIN, LIMITS);
        store().choose(ALICE, RetentionChoice.mailFolder("Trash", DAYS_30));
        store().choose(BOB, RetentionChoice.calendar("Work", DAYS_30));
        store().choose(CAROL, RetentionChoice.mailFolder("Trash", DAYS_30));

        store().deleteDomain(DOMAIN);

        assertThat(store().limits(DOMAIN)).isEqualTo(DomainRetentionLimits.NONE);
        assertThat(store().choices(ALICE)).isEmpty();
        assertThat(store().choices(BOB)).isEmpty();
        assertThat(store().choices(CAROL)).hasSize(1);
        assertThat(store().limits(OTHER_DOMAIN)).isEqualTo(LIMITS);
    }

    @Test
    default void deleteUserShouldBeIdempotent() {
        store().choose(ALICE, RetentionChoice.mailFolder("Trash", DAYS_30));

        store().deleteUser(ALICE);
        store().deleteUser(ALICE);

        assertThat(store().choices(ALICE)).isEmpty();
    }
}
