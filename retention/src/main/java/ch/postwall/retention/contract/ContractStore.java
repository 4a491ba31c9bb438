package ch.postwall.retention.contract;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.james.core.Username;

import ch.postwall.mailbox.lifecycle.DeletionCounts;

/**
 * Contract terminations, the progress of their wipes (so that a restart resumes a wipe where it stopped), and
 * the deletion reports of finished wipes.
 */
public interface ContractStore {
    /** Records or replaces the subject's termination. */
    void terminate(Termination termination);

    Optional<Termination> termination(ContractSubject subject);

    /** Withdraws a termination whose wipe has not started; its progress, if any, is kept. */
    void cancel(ContractSubject subject);

    /** Terminations whose export window has closed at {@code now}, wiped or not yet, oldest wipe time first. */
    List<Termination> dueForWipe(Instant now);

    /** Records that a wipe step finished for the subject, with what it deleted. */
    void recordStep(ContractSubject subject, String step, DeletionCounts counts);

    /** The steps of the subject's wipe that finished, by step name. */
    Map<String, DeletionCounts> completedSteps(ContractSubject subject);

    /** Ends a wipe: keeps its report, forgets the termination and the progress. */
    void complete(DeletionReport report);

    Optional<DeletionReport> report(ContractSubject subject);

    /** Every deletion report, oldest wipe first. */
    List<DeletionReport> reports();

    /** Whether the user's own contract or the contract of the user's domain is terminated at {@code now}. */
    default boolean isTerminated(Username user, Instant now) {
        return Stream.concat(Stream.of(ContractSubject.user(user)), user.getDomainPart().map(ContractSubject::domain).stream())
            .map(this::termination)
            .flatMap(Optional::stream)
            .anyMatch(termination -> termination.isEffectiveAt(now));
    }
}
