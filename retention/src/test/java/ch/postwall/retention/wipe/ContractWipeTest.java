package ch.postwall.retention.wipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.utils.UpdatableTickingClock;
import org.junit.jupiter.api.Test;

import ch.postwall.mailbox.lifecycle.DeletionCounts;
import ch.postwall.mailbox.lifecycle.WipeStep;
import ch.postwall.retention.contract.ContractSubject;
import ch.postwall.retention.contract.DeletionReport;
import ch.postwall.retention.contract.MemoryContractStore;
import ch.postwall.retention.contract.Termination;

class ContractWipeTest {
    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
    private static final ContractSubject ALICE = ContractSubject.user(Username.of("alice@postwall.test"));

    /** A step counting its runs, failing the first {@code failures} of them. */
    static class CountingStep implements WipeStep {
        private final String name;
        private final AtomicInteger runs = new AtomicInteger();
        private final int failures;

        CountingStep(String name, int failures) {
            this.name = name;
            this.failures = failures;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public DeletionCounts wipeUser(Username user) {
            if (runs.incrementAndGet() <= failures) {
                throw new IllegalStateException("crash in " + name);
            }
            return DeletionCounts.of(name + "Items", 3);
        }

        @Override
        public DeletionCounts wipeDomain(Domain domain) {
            return wipeUser(Username.of("any@" + domain.asString()));
        }
    }

    private final MemoryContractStore contracts = new MemoryContractStore();
    private final UpdatableTickingClock clock = new UpdatableTickingClock(START);

    private ContractWipe wipe(WipeStep... steps) {
        return new ContractWipe(contracts, new LinkedHashSet<>(List.of(steps)), clock);
    }

    @Test
    void wipeDueShouldWaitForTheEndOfTheExportWindow() {
        CountingStep step = new CountingStep("first", 0);
        contracts.terminate(new Termination(ALICE, START, Duration.ofDays(30)));
        clock.setInstant(START.plus(Duration.ofDays(29)));

        assertThat(wipe(step).wipeDue()).isEmpty();
        assertThat(step.runs).hasValue(0);
    }

    @Test
    void wipeDueShouldRunEveryStepAndKeepTheReport() {
        contracts.terminate(new Termination(ALICE, START, Duration.ofDays(30)));
        clock.setInstant(START.plus(Duration.ofDays(30)));

        List<DeletionReport> reports = wipe(new CountingStep("first", 0), new CountingStep("second", 0)).wipeDue();

        DeletionReport expected = new DeletionReport(ALICE, START, START.plus(Duration.ofDays(30)), Map.of(
            "first", DeletionCounts.of("firstItems", 3), "second", DeletionCounts.of("secondItems", 3)));
        assertThat(reports).containsExactly(expected);
        assertThat(contracts.report(ALICE)).contains(expected);
        assertThat(contracts.termination(ALICE)).isEmpty();
    }

    @Test
    void wipeDueShouldResumeAfterTheLastFinishedStepWhenARunFailed() {
        CountingStep first = new CountingStep("first", 0);
        CountingStep second = new CountingStep("second", 1);
        contracts.terminate(new Termination(ALICE, START, Duration.ofDays(30)));
        clock.setInstant(START.plus(Duration.ofDays(30)));

        assertThat(wipe(first, second).wipeDue()).isEmpty();
        assertThat(contracts.completedSteps(ALICE)).containsOnlyKeys("first");

        List<DeletionReport> reports = wipe(first, second).wipeDue();

        assertThat(first.runs).hasValue(1);
        assertThat(second.runs).hasValue(2);
        assertThat(reports).singleElement().satisfies(report ->
            assertThat(report.steps()).containsOnlyKeys("first", "second"));
    }
}
