package ch.postwall.retention.policy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import ch.postwall.mailbox.embedded.EmbeddedDatabase;

/** Retention policies in the embedded Derby database; periods in seconds, NULL for none (forever). */
public class EmbeddedRetentionPolicyStore implements RetentionPolicyStore {
    private final EmbeddedDatabase database;

    @Inject
    public EmbeddedRetentionPolicyStore(EmbeddedDatabase database) {
        this.database = database;
        database.createIfMissing(
            "CREATE TABLE retention_limits ("
                + "domain VARCHAR(255) NOT NULL PRIMARY KEY, "
                + "mail_min BIGINT, mail_max BIGINT, calendar_min BIGINT, calendar_max BIGINT)",
            "CREATE TABLE retention_choice ("
                + "username VARCHAR(320) NOT NULL, "
                + "domain VARCHAR(255), "
                + "kind VARCHAR(16) NOT NULL, "
                + "container VARCHAR(1000) NOT NULL, "
                + "period BIGINT, "
                + "PRIMARY KEY (username, kind, container))",
            "CREATE INDEX retention_choice_domain ON retention_choice (domain)");
    }

    @Override
    public void setLimits(Domain domain, DomainRetentionLimits limits) {
        database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM retention_limits WHERE domain = ?");
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO retention_limits "
                     + "(domain, mail_min, mail_max, calendar_min, calendar_max) VALUES (?, ?, ?, ?, ?)")) {
                delete.setString(1, domain.asString());
                delete.executeUpdate();
                insert.setString(1, domain.asString());
                setPeriod(insert, 2, limits.mail().minimum());
                setPeriod(insert, 3, limits.mail().maximum());
                setPeriod(insert, 4, limits.calendar().minimum());
                setPeriod(insert, 5, limits.calendar().maximum());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public DomainRetentionLimits limits(Domain domain) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                "SELECT mail_min, mail_max, calendar_min, calendar_max FROM retention_limits WHERE domain = ?")) {
                select.setString(1, domain.asString());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return DomainRetentionLimits.NONE;
                    }
                    return new DomainRetentionLimits(
                        new RetentionLimits(period(row, "mail_min"), period(row, "mail_max")),
                        new RetentionLimits(period(row, "calendar_min"), period(row, "calendar_max")));
                }
            }
        });
    }

    @Override
    public void choose(Username user, RetentionChoice choice) {
        user.getDomainPart().map(this::limits).orElse(DomainRetentionLimits.NONE).check(choice);
        database.inTransaction(connection -> {
            deleteChoice(connection.prepareStatement(
                "DELETE FROM retention_choice WHERE username = ? AND kind = ? AND container = ?"), user, choice.kind(), choice.container());
            try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO retention_choice (username, domain, kind, container, period) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, user.asString());
                insert.setString(2, user.getDomainPart().map(Domain::asString).orElse(null));
                insert.setString(3, choice.kind().name());
                insert.setString(4, choice.container());
                setPeriod(insert, 5, choice.period());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public void removeChoice(Username user, ContainerKind kind, String container) {
        database.inTransaction(connection -> deleteChoice(connection.prepareStatement(
            "DELETE FROM retention_choice WHERE username = ? AND kind = ? AND container = ?"), user, kind, container));
    }

    @Override
    public List<RetentionChoice> choices(Username user) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                "SELECT kind, container, period FROM retention_choice WHERE username = ?")) {
                select.setString(1, user.asString());
                List<RetentionChoice> choices = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        choices.add(new RetentionChoice(ContainerKind.valueOf(row.getString("kind")),
                            row.getString("container"), period(row, "period")));
                    }
                }
                choices.sort(RetentionChoice.ORDER);
                return choices;
            }
        });
    }

    @Override
    public void deleteUser(Username user) {
        deleteWhere("DELETE FROM retention_choice WHERE username = ?", user.asString());
    }

    @Override
    public void deleteDomain(Domain domain) {
        deleteWhere("DELETE FROM retention_choice WHERE domain = ?", domain.asString());
        deleteWhere("DELETE FROM retention_limits WHERE domain = ?", domain.asString());
    }

    private void deleteWhere(String delete, String value) {
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(delete)) {
                statement.setString(1, value);
                return statement.executeUpdate();
            }
        });
    }

    private static int deleteChoice(PreparedStatement delete, Username user, ContainerKind kind, String container)
        throws SQLException {
        try (delete) {
            delete.setString(1, user.asString());
            delete.setString(2, kind.name());
            delete.setString(3, container);
            return delete.executeUpdate();
        }
    }

    private static void setPeriod(PreparedStatement statement, int index, Optional<Duration> period) throws SQLException {
        if (period.isPresent()) {
            statement.setLong(index, period.get().toSeconds());
        } else {
            statement.setNull(index, Types.BIGINT);
        }
    }

    private static Optional<Duration> period(ResultSet row, String column) throws SQLException {
        long seconds = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    }
}
