package ch.postwall.retention.wipe;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.postwall.mailbox.lifecycle.DeletionCounts;
import ch.postwall.mailbox.lifecycle.WipeStep;
import ch.postwall.retention.contract.ContractStore;
import ch.postwall.retention.contract.ContractSubject;
import ch.postwall.retention.contract.DeletionReport;
import ch.postwall.retention.contract.Termination;

/**
 * Wipes the subjects whose export window has closed with every module's {@link WipeStep}. Each finished step
 * is recorded before the next starts, so a wipe interrupted by a crash resumes at the step it was in (steps
 * are idempotent); the last one done writes the deletion report. Logs are not wiped: they expire with the
 * shared log period.
 */
public class ContractWipe {
    private static final Logger LOGGER = LoggerFactory.getLogger(ContractWipe.class);

    private final ContractStore contracts;
    private final List<WipeStep> steps;
    private final Clock clock;

    @Inject
    public ContractWipe(ContractStore contracts, Set<WipeStep> steps, Clock clock) {
        this.contracts = contracts;
        this.steps = steps.stream().sorted(Comparator.comparingInt(WipeStep::order).thenComparing(WipeStep::name)).toList();
        this.clock = clock;
    }

    /** Wipes every subject due now; a failing wipe is logged, left for the next run, and does not stop the others. */
    public List<DeletionReport> wipeDue() {
        return contracts.dueForWipe(clock.instant()).stream()
            .flatMap(termination -> {
                try {
                    return Stream.of(wipe(termination));
                } catch (RuntimeException e) {
                    LOGGER.error("Wipe of {} {} failed; the next run resumes it", termination.subject().kind(),
                        termination.subject().name(), e);
                    return Stream.empty();
                }
            })
            .toList();
    }

    public DeletionReport wipe(Termination termination) {
        ContractSubject subject = termination.subject();
        Map<String, DeletionCounts> done = new TreeMap<>(contracts.completedSteps(subject));
        for (WipeStep step : steps) {
            if (!done.containsKey(step.name())) {
                DeletionCounts deleted = subject.asUser().map(step::wipeUser)
                    .orElseGet(() -> step.wipeDomain(subject.asDomain().orElseThrow()));
                contracts.recordStep(subject, step.name(), deleted);
                done.put(step.name(), deleted);
            }
        }
        DeletionReport report = new DeletionReport(subject, termination.effective(), clock.instant(), done);
        contracts.complete(report);
        LOGGER.info("Wiped {} {}: {}", subject.kind(), subject.name(), done);
        return report;
    }
}
