package ch.postwall.retention.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.junit.jupiter.api.Test;

import ch.postwall.mailbox.lifecycle.DeletionCounts;

public interface ContractStoreContract {
    Instant START = Instant.parse("2026-11-20T10:00:00Z");
    Domain DOMAIN = Domain.of("postwall.test");
    Username ALICE = Username.fromLocalPartWithDomain("alice", DOMAIN);
    Username BOB = Username.fromLocalPartWithDomain("bob", DOMAIN);
    Username CAROL = Username.fromLocalPartWithDomain("carol", Domain.of("other.test"));
    ContractSubject ALICE_CONTRACT = ContractSubject.user(ALICE);
    ContractSubject DOMAIN_CONTRACT = ContractSubject.domain(DOMAIN);

    ContractStore store();

    @Test
    default void terminationShouldBeReadBackWhenTerminated() {
        Termination termination = new Termination(ALICE_CONTRACT, START, Termination.DEFAULT_EXPORT_WINDOW);

        store().terminate(termination);

        assertThat(store().termination(ALICE_CONTRACT)).contains(termination);
        assertThat(store().termination(ContractSubject.user(BOB))).isEmpty();
    }

    @Test
    default void terminateShouldReplaceTheEarlierTermination() {
        store().terminate(new Termination(ALICE_CONTRACT, START, Duration.ofDays(30)));
        Termination later = new Termination(ALICE_CONTRACT, START.plus(Duration.ofDays(3)), Duration.ofDays(10));

        store().terminate(later);

        assertThat(store().termination(ALICE_CONTRACT)).contains(later);
    }

    @Test
    default void cancelShouldWithdrawTheTermination() {
        store().terminate(new Termination(ALICE_CONTRACT, START, Duration.ofDays(30)));

        store().cancel(ALICE_CONTRACT);

        assertThat(store().termination(ALICE_CONTRACT)).isEmpty();
    }

    @Test
    default void everyChangeShouldBeSeenByTheReadsAfterItEvenWhenReadBefore() {
        assertThat(store().isTerminated(ALICE, START)).isFalse();

        store().terminate(new Termination(DOMAIN_CONTRACT, START, Duration.ofDays(30)));
        assertThat(store().isTerminated(ALICE, START)).isTrue();

        store().cancel(DOMAIN_CONTRACT);
        assertThat(store().isTerminated(ALICE, START)).isFalse();

        Termination termination = new Termination(ALICE_CONTRACT, START, Duration.ZERO);
        store().terminate(termination);
        assertThat(store().termination(ALICE_CONTRACT)).contains(termination);

        store().complete(new DeletionReport(ALICE_CONTRACT, START, START.plusSeconds(60), Map.of()));
        assertThat(store().termination(ALICE_CONTRACT)).isEmpty();
        assertThat(store().isTerminated(ALICE, START)).isFalse();
    }

    @Test
    default void isTerminatedShouldHoldFromTheEffectiveDateForTheUserAndTheDomainsUsers() {
        store().terminate(new Termination(ALICE_CONTRACT, START, Duration.ofDays(30)));
        store().terminate(new Termination(ContractSubject.domain(Domain.of("other.test")), START.plusSeconds(60), Duration.ZERO));

        assertThat(store().isTerminated(ALICE, START.minusSeconds(1))).isFalse();
        assertThat(store().isTerminated(ALICE, START)).isTrue();
        assertThat(store().isTerminated(BOB, START)).isFalse();
        assertThat(store().isTerminated(CAROL, START)).isFalse();
        assertThat(store().isTerminated(CAROL, START.plusSeconds(60))).isTrue();
    }

    @Test
    default void dueForWipeShouldListTerminationsWhoseExportWindowClosedOldestFirst() {
        Termination alice = new Termination(ALICE_CONTRACT, START, Duration.ofDays(30));
        Termination domain = new Termination(DOMAIN_CONTRACT, START, Duration.ofDays(10));
        store().terminate(alice);
        store().terminate(domain);
        store().terminate(new Termination(ContractSubject.user(CAROL), START, Duration.ofDays(60)));

        assertThat(store().dueForWipe(START.plus(Duration.ofDays(9)))).isEmpty();
        assertThat(store().dueForWipe(START.plus(Duration.ofDays(30)))).containsExactly(domain, alice);
    }

    @Test
    default void completedStepsShouldListRecordedSteps() {
        store().recordStep(ALICE_CONTRACT, "mailbox", DeletionCounts.of("messages", 12));
        store().recordStep(ALICE_CONTRACT, "access-log", DeletionCounts.NONE);

        assertThat(store().completedSteps(ALICE_CONTRACT)).isEqualTo(Map.of(
            "mailbox", DeletionCounts.of("messages", 12),
            "access-log", DeletionCounts.NONE));
        assertThat(store().completedSteps(DOMAIN_CONTRACT)).isEmpty();
    }

    @Test
    default void completeShouldKeepTheReportAndForgetTerminationAndProgress() {
        store().terminate(new Termination(ALICE_CONTRACT, START, Duration.ofDays(30)));
        store().recordStep(ALICE_CONTRACT, "mailbox", DeletionCounts.of("messages", 12));
        DeletionReport report = new DeletionReport(ALICE_CONTRACT, START, START.plus(Duration.ofDays(30)),
            Map.of("mailbox", DeletionCounts.of("messages", 12), "access-log", DeletionCounts.NONE));

        store().complete(report);

        assertThat(store().report(ALICE_CONTRACT)).contains(report);
        assertThat(store().termination(ALICE_CONTRACT)).isEmpty();
        assertThat(store().completedSteps(ALICE_CONTRACT)).isEmpty();
        assertThat(store().dueForWipe(START.plus(Duration.ofDays(365)))).isEmpty();
    }

    @Test
    default void reportsShouldListEveryReportOldestWipeFirst() {
        DeletionReport later = new DeletionReport(DOMAIN_CONTRACT, START, START.plus(Duration.ofDays(40)), Map.of());
        DeletionReport earlier = new DeletionReport(ALICE_CONTRACT, START, START.plus(Duration.ofDays(30)), Map.of());
        store().complete(later);
        store().complete(earlier);

        assertThat(store().reports()).containsExactly(earlier, later);
    }
}
