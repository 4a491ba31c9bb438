package ch.postwall.retention.contract;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import ch.postwall.mailbox.lifecycle.DeletionCounts;

public class MemoryContractStore implements ContractStore {
    private final Map<ContractSubject, Termination> terminations = new ConcurrentHashMap<>();
    private final Map<ContractSubject, Map<String, DeletionCounts>> progress = new ConcurrentHashMap<>();
    private final Map<ContractSubject, DeletionReport> reports = new ConcurrentHashMap<>();

    @Override
    public void terminate(Termination termination) {
        terminations.put(termination.subject(), termination);
    }

    @Override
    public Optional<Termination> termination(ContractSubject subject) {
        return Optional.ofNullable(terminations.get(subject));
    }

    @Override
    public void cancel(ContractSubject subject) {
        terminations.remove(subject);
    }

    @Override
    public List<Termination> dueForWipe(Instant now) {
        return terminations.values().stream()
            .filter(termination -> !termination.wipeAt().isAfter(now))
            .sorted(Comparator.comparing(Termination::wipeAt))
            .toList();
    }

    @Override
    public void recordStep(ContractSubject subject, String step, DeletionCounts counts) {
        progress.computeIfAbsent(subject, any -> new ConcurrentHashMap<>()).put(step, counts);
    }

    @Override
    public Map<String, DeletionCounts> completedSteps(ContractSubject subject) {
        return Map.copyOf(progress.getOrDefault(subject, Map.of()));
    }

    @Override
    public void complete(DeletionReport report) {
        reports.put(report.subject(), report);
        terminations.remove(report.subject());
        progress.remove(report.subject());
    }

    @Override
    public Optional<DeletionReport> report(ContractSubject subject) {
        return Optional.ofNullable(reports.get(subject));
    }

    @Override
    public List<DeletionReport> reports() {
        return reports.values().stream().sorted(Comparator.comparing(DeletionReport::wipedAt)).toList();
    }
}
