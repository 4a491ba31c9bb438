package ch.postwall.retention.contract.cassandra;

import static ch.postwall.retention.contract.cassandra.CassandraContractTables.COUNTS;
import static ch.postwall.retention.contract.cassandra.CassandraContractTables.EFFECTIVE;
import static ch.postwall.retention.contract.cassandra.CassandraContractTables.EXPORT_WINDOW;
import static ch.postwall.retention.contract.cassandra.CassandraContractTables.KIND;
import static ch.postwall.retention.contract.cassandra.CassandraContractTables.NAME;
import static ch.postwall.retention.contract.cassandra.CassandraContractTables.REPORT;
import static ch.postwall.retention.contract.cassandra.CassandraContractTables.STEP;
import static ch.postwall.retention.contract.cassandra.CassandraContractTables.STEPS;
import static ch.postwall.retention.contract.cassandra.CassandraContractTables.TERMINATED;
import static ch.postwall.retention.contract.cassandra.CassandraContractTables.TERMINATION;
import static ch.postwall.retention.contract.cassandra.CassandraContractTables.WIPED_AT;
import static ch.postwall.retention.contract.cassandra.CassandraContractTables.WIPE_STEP;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import javax.inject.Inject;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.type.reflect.GenericType;

import ch.postwall.mailbox.lifecycle.DeletionCounts;
import ch.postwall.retention.contract.ContractStore;
import ch.postwall.retention.contract.ContractSubject;
import ch.postwall.retention.contract.DeletionReport;
import ch.postwall.retention.contract.Termination;

public class CassandraContractStore implements ContractStore {
    private static final GenericType<Map<String, Map<String, Long>>> STEPS_TYPE = new GenericType<>() { };
    private static final String SUBJECT = " WHERE " + KIND + " = ? AND " + NAME + " = ?";

    private final CqlSession session;
    private final PreparedStatement insertTermination;
    private final PreparedStatement selectTermination;
    private final PreparedStatement selectTerminations;
    private final PreparedStatement deleteTermination;
    private final PreparedStatement insertStep;
    private final PreparedStatement selectSteps;
    private final PreparedStatement deleteSteps;
    private final PreparedStatement insertReport;
    private final PreparedStatement selectReport;
    private final PreparedStatement selectReports;

    @Inject
    public CassandraContractStore(CqlSession session) {
        this.session = session;
        this.insertTermination = session.prepare("INSERT INTO " + TERMINATION + " (" + String.join(", ", KIND, NAME, EFFECTIVE,
            EXPORT_WINDOW) + ") VALUES (?, ?, ?, ?)");
        this.selectTermination = session.prepare("SELECT * FROM " + TERMINATION + SUBJECT);
        this.selectTerminations = session.prepare("SELECT * FROM " + TERMINATION);
        this.deleteTermination = session.prepare("DELETE FROM " + TERMINATION + SUBJECT);
        this.insertStep = session.prepare("INSERT INTO " + WIPE_STEP + " (" + String.join(", ", KIND, NAME, STEP, COUNTS)
            + ") VALUES (?, ?, ?, ?)");
        this.selectSteps = session.prepare("SELECT " + STEP + ", " + COUNTS + " FROM " + WIPE_STEP + SUBJECT);
        this.deleteSteps = session.prepare("DELETE FROM " + WIPE_STEP + SUBJECT);
        this.insertReport = session.prepare("INSERT INTO " + REPORT + " (" + String.join(", ", KIND, NAME, TERMINATED, WIPED_AT,
            STEPS) + ") VALUES (?, ?, ?, ?, ?)");
        this.selectReport = session.prepare("SELECT * FROM " + REPORT + SUBJECT);
        this.selectReports = session.prepare("SELECT * FROM " + REPORT);
    }

    @Override
    public void terminate(Termination termination) {
        session.execute(insertTermination.bind(termination.subject().kind().name(), termination.subject().name(),
            termination.effective(), termination.exportWindow().toSeconds()));
    }

    @Override
    public Optional<Termination> termination(ContractSubject subject) {
        return rows(session.execute(bind(selectTermination, subject))).map(CassandraContractStore::termination).findFirst();
    }

    @Override
    public void cancel(ContractSubject subject) {
        session.execute(bind(deleteTermination, subject));
    }

    @Override
    public List<Termination> dueForWipe(Instant now) {
        return rows(session.execute(selectTerminations.bind()))
            .map(CassandraContractStore::termination)
            .filter(termination -> !termination.wipeAt().isAfter(now))
            .sorted(Comparator.comparing(Termination::wipeAt))
            .toList();
    }

    @Override
    public void recordStep(ContractSubject subject, String step, DeletionCounts counts) {
        session.execute(insertStep.bind(subject.kind().name(), subject.name(), step, counts.counts()));
    }

    @Override
    public Map<String, DeletionCounts> completedSteps(ContractSubject subject) {
        return rows(session.execute(bind(selectSteps, subject)))
            .collect(Collectors.toMap(row -> row.getString(STEP),
                row -> new DeletionCounts(row.getMap(COUNTS, String.class, Long.class)), (a, b) -> a, TreeMap::new));
    }

    @Override
    public void complete(DeletionReport report) {
        Map<String, Map<String, Long>> steps = new TreeMap<>();
        report.steps().forEach((step, counts) -> steps.put(step, counts.counts()));
        session.execute(insertReport.bind(report.subject().kind().name(), report.subject().name(), report.terminated(),
            report.wipedAt(), steps));
        session.execute(bind(deleteTermination, report.subject()));
        session.execute(bind(deleteSteps, report.subject()));
    }

    @Override
    public Optional<DeletionReport> report(ContractSubject subject) {
        return rows(session.execute(bind(selectReport, subject))).map(CassandraContractStore::report).findFirst();
    }

    @Override
    public List<DeletionReport> reports() {
        return rows(session.execute(selectReports.bind()))
            .map(CassandraContractStore::report)
            .sorted(Comparator.comparing(DeletionReport::wipedAt))
            .toList();
    }

    private static BoundStatement bind(PreparedStatement statement, ContractSubject subject) {
        return statement.bind(subject.kind().name(), subject.name());
    }

    private static ContractSubject subject(Row row) {
        return new ContractSubject(ContractSubject.Kind.valueOf(row.getString(KIND)), row.getString(NAME));
    }

    private static Termination termination(Row row) {
        return new Termination(subject(row), row.getInstant(EFFECTIVE), Duration.ofSeconds(row.getLong(EXPORT_WINDOW)));
    }

    private static DeletionReport report(Row row) {
        Map<String, DeletionCounts> steps = new TreeMap<>();
        row.get(STEPS, STEPS_TYPE).forEach((step, counts) -> steps.put(step, new DeletionCounts(counts)));
        return new DeletionReport(subject(row), row.getInstant(TERMINATED), row.getInstant(WIPED_AT), steps);
    }

    private static Stream<Row> rows(Iterable<Row> resultSet) {
        return StreamSupport.stream(resultSet.spliterator(), false);
    }
}
