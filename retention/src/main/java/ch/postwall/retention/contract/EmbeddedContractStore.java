package ch.postwall.retention.contract;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import ch.postwall.mailbox.embedded.EmbeddedDatabase;
import ch.postwall.mailbox.embedded.ForgettingCache;
import ch.postwall.mailbox.lifecycle.DeletionCounts;

/** Contract state in the embedded Derby database; deletion counts as JSON. */
public class EmbeddedContractStore implements ContractStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() { };
    private static final TypeReference<Map<String, Map<String, Long>>> STEPS = new TypeReference<>() { };
    private static final String SUBJECT = "subject_kind = ? AND subject_name = ?";
    private static final int SUBJECTS_REMEMBERED = 10_000;
    /** Bounds staleness should a change ever bypass this store (the embedded backend runs one server per database). */
    private static final Duration REMEMBERED_FOR = Duration.ofMinutes(1);

    private final EmbeddedDatabase database;
    /** Looked up for every recipient of every mail (its user, its domain), nearly always in vain. */
    private final ForgettingCache<ContractSubject, Optional<Termination>> terminations = new ForgettingCache<>(SUBJECTS_REMEMBERED, REMEMBERED_FOR);

    @Inject
    public EmbeddedContractStore(EmbeddedDatabase database) {
        this.database = database;
        database.createIfMissing(
            "CREATE TABLE contract_termination ("
                + "subject_kind VARCHAR(8) NOT NULL, subject_name VARCHAR(320) NOT NULL, "
                + "effective TIMESTAMP NOT NULL, export_window BIGINT NOT NULL, wipe_at TIMESTAMP NOT NULL, "
                + "PRIMARY KEY (subject_kind, subject_name))",
            "CREATE TABLE contract_wipe_step ("
                + "subject_kind VARCHAR(8) NOT NULL, subject_name VARCHAR(320) NOT NULL, "
                + "step VARCHAR(64) NOT NULL, counts VARCHAR(4000) NOT NULL, "
                + "PRIMARY KEY (subject_kind, subject_name, step))",
            "CREATE TABLE contract_report ("
                + "subject_kind VARCHAR(8) NOT NULL, subject_name VARCHAR(320) NOT NULL, "
                + "terminated TIMESTAMP NOT NULL, wiped_at TIMESTAMP NOT NULL, steps VARCHAR(16000) NOT NULL, "
                + "PRIMARY KEY (subject_kind, subject_name))");
    }

    @Override
    public void terminate(Termination termination) {
        database.inTransaction(connection -> {
            deleteSubject(connection.prepareStatement("DELETE FROM contract_termination WHERE " + SUBJECT), termination.subject());
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO contract_termination "
                + "(subject_kind, subject_name, effective, export_window, wipe_at) VALUES (?, ?, ?, ?, ?)")) {
                setSubject(insert, termination.subject());
                insert.setTimestamp(3, Timestamp.from(termination.effective()));
                insert.setLong(4, termination.exportWindow().toSeconds());
                insert.setTimestamp(5, Timestamp.from(termination.wipeAt()));
                return insert.executeUpdate();
            }
        });
        terminations.forget(termination.subject());
    }

    @Override
    public Optional<Termination> termination(ContractSubject subject) {
        return terminations.getOrReadNow(subject, () -> selectTerminations("WHERE " + SUBJECT, subject, Optional.empty()).stream().findFirst());
    }

    @Override
    public void cancel(ContractSubject subject) {
        database.inTransaction(connection ->
            deleteSubject(connection.prepareStatement("DELETE FROM contract_termination WHERE " + SUBJECT), subject));
        terminations.forget(subject);
    }

    @Override
    public List<Termination> dueForWipe(Instant now) {
        return selectTerminations("WHERE wipe_at <= ? ORDER BY wipe_at", null, Optional.of(now));
    }

    @Override
    public void recordStep(ContractSubject subject, String step, DeletionCounts counts) {
        database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM contract_wipe_step WHERE " + SUBJECT + " AND step = ?");
                 PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO contract_wipe_step (subject_kind, subject_name, step, counts) VALUES (?, ?, ?, ?)")) {
                setSubject(delete, subject);
                delete.setString(3, step);
                delete.executeUpdate();
                setSubject(insert, subject);
                insert.setString(3, step);
                insert.setString(4, toJson(counts.counts()));
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Map<String, DeletionCounts> completedSteps(ContractSubject subject) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                "SELECT step, counts FROM contract_wipe_step WHERE " + SUBJECT)) {
                setSubject(select, subject);
                Map<String, DeletionCounts> steps = new TreeMap<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        steps.put(row.getString("step"), new DeletionCounts(fromJson(row.getString("counts"), COUNTS)));
                    }
                }
                return steps;
            }
        });
    }

    @Override
    public void complete(DeletionReport report) {
        database.inTransaction(connection -> {
            deleteSubject(connection.prepareStatement("DELETE FROM contract_report WHERE " + SUBJECT), report.subject());
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO contract_report "
                + "(subject_kind, subject_name, terminated, wiped_at, steps) VALUES (?, ?, ?, ?, ?)")) {
                setSubject(insert, report.subject());
                insert.setTimestamp(3, Timestamp.from(report.terminated()));
                insert.setTimestamp(4, Timestamp.from(report.wipedAt()));
                Map<String, Map<String, Long>> steps = new TreeMap<>();
                report.steps().forEach((step, counts) -> steps.put(step, counts.counts()));
                insert.setString(5, toJson(steps));
                insert.executeUpdate();
            }
            deleteSubject(connection.prepareStatement("DELETE FROM contract_termination WHERE " + SUBJECT), report.subject());
            return deleteSubject(connection.prepareStatement("DELETE FROM contract_wipe_step WHERE " + SUBJECT), report.subject());
        });
        terminations.forget(report.subject());
    }

    @Override
    public Optional<DeletionReport> report(ContractSubject subject) {
        return selectReports("WHERE " + SUBJECT, Optional.of(subject)).stream().findFirst();
    }

    @Override
    public List<DeletionReport> reports() {
        return selectReports("ORDER BY wiped_at", Optional.empty());
    }

    private List<Termination> selectTerminations(String condition, ContractSubject subject, Optional<Instant> dueAt) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                "SELECT subject_kind, subject_name, effective, export_window FROM contract_termination " + condition)) {
                if (dueAt.isPresent()) {
                    select.setTimestamp(1, Timestamp.from(dueAt.get()));
                } else {
                    setSubject(select, subject);
                }
                List<Termination> terminations = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        terminations.add(new Termination(subject(row), row.getTimestamp("effective").toInstant(),
                            Duration.ofSeconds(row.getLong("export_window"))));
                    }
                }
                return terminations;
            }
        });
    }

    private List<DeletionReport> selectReports(String condition, Optional<ContractSubject> subject) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                "SELECT subject_kind, subject_name, terminated, wiped_at, steps FROM contract_report " + condition)) {
                if (subject.isPresent()) {
                    setSubject(select, subject.get());
                }
                List<DeletionReport> reports = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        Map<String, DeletionCounts> steps = new TreeMap<>();
                        fromJson(row.getString("steps"), STEPS).forEach((step, counts) -> steps.put(step, new DeletionCounts(counts)));
                        reports.add(new DeletionReport(subject(row), row.getTimestamp("terminated").toInstant(),
                            row.getTimestamp("wiped_at").toInstant(), steps));
                    }
                }
                return reports;
            }
        });
    }

    private static ContractSubject subject(ResultSet row) throws SQLException {
        return new ContractSubject(ContractSubject.Kind.valueOf(row.getString("subject_kind")), row.getString("subject_name"));
    }

    private static void setSubject(PreparedStatement statement, ContractSubject subject) throws SQLException {
        statement.setString(1, subject.kind().name());
        statement.setString(2, subject.name());
    }

    private static int deleteSubject(PreparedStatement delete, ContractSubject subject) throws SQLException {
        try (delete) {
            setSubject(delete, subject);
            return delete.executeUpdate();
        }
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Deletion counts cannot be serialised", e);
        }
    }

    private static <T> T fromJson(String json, TypeReference<T> type) throws SQLException {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("Stored deletion counts are invalid: " + json, e);
        }
    }
}
