package ch.postwall.server.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import ch.postwall.mailbox.embedded.EmbeddedDatabase;
import ch.postwall.retention.access.AccessLogConfiguration;

/**
 * The audit log in the embedded Derby database; expired rows are deleted by {@link AuditLogPurger}. The
 * tenant column is the owner's domain, empty ('') for platform-wide data.
 */
public class EmbeddedAuditLogStore implements AuditLogStore {
    private static final String PLATFORM = "";
    private static final String CONCERNS_USER = "tenant = ? AND (owner = ? OR LOWER(principal) = ?)";

    private final EmbeddedDatabase database;
    private final Clock clock;
    private final AccessLogConfiguration configuration;

    @Inject
    public EmbeddedAuditLogStore(EmbeddedDatabase database, Clock clock, AccessLogConfiguration configuration) {
        this.database = database;
        this.clock = clock;
        this.configuration = configuration;
        database.createIfMissing(
            "CREATE TABLE audit_log ("
                + "id VARCHAR(64) NOT NULL PRIMARY KEY, "
                + "audit_time TIMESTAMP NOT NULL, "
                + "principal VARCHAR(320) NOT NULL, "
                + "action VARCHAR(64) NOT NULL, "
                + "target VARCHAR(2000) NOT NULL, "
                + "owner VARCHAR(320), "
                + "tenant VARCHAR(255) NOT NULL)",
            "CREATE INDEX audit_log_time ON audit_log (audit_time)",
            "CREATE INDEX audit_log_tenant ON audit_log (tenant, audit_time)");
    }

    @Override
    public void append(AuditEntry entry) {
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_log "
                + "(id, audit_time, principal, action, target, owner, tenant) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, entry.id());
                insert.setTimestamp(2, Timestamp.from(entry.time()));
                insert.setString(3, entry.principal());
                insert.setString(4, entry.action());
                insert.setString(5, entry.target());
                insert.setString(6, entry.owner().map(Username::asString).orElse(null));
                insert.setString(7, tenant(entry.tenant()));
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public List<AuditEntry> listByUser(Username user, int limit) {
        return select(CONCERNS_USER, userParameters(user), limit);
    }

    @Override
    public List<AuditEntry> listByDomain(Domain domain, int limit) {
        return select("tenant = ?", List.of(domain.asString()), limit);
    }

    @Override
    public List<AuditEntry> listPlatformWide(int limit) {
        return select("tenant = ?", List.of(PLATFORM), limit);
    }

    @Override
    public void deleteUser(Username user) {
        delete(CONCERNS_USER, userParameters(user));
    }

    @Override
    public void deleteDomain(Domain domain) {
        delete("tenant = ?", List.of(domain.asString()));
    }

    @Override
    public int purgeExpired() {
        return database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM audit_log WHERE audit_time <= ?")) {
                delete.setTimestamp(1, cutoff());
                return delete.executeUpdate();
            }
        });
    }

    private static List<String> userParameters(Username user) {
        return List.of(tenant(user.getDomainPart()), user.asString(), user.asString().toLowerCase(Locale.ROOT));
    }

    private static String tenant(Optional<Domain> tenant) {
        return tenant.map(Domain::asString).orElse(PLATFORM);
    }

    private int delete(String condition, List<String> parameters) {
        return database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM audit_log WHERE " + condition)) {
                bind(delete, parameters);
                return delete.executeUpdate();
            }
        });
    }

    private List<AuditEntry> select(String condition, List<String> parameters, int limit) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id, audit_time, principal, action, target, owner "
                + "FROM audit_log WHERE " + condition + " AND audit_time > ? ORDER BY audit_time DESC, id FETCH FIRST ? ROWS ONLY")) {
                bind(select, parameters);
                select.setTimestamp(parameters.size() + 1, cutoff());
                select.setInt(parameters.size() + 2, limit);
                List<AuditEntry> entries = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        entries.add(new AuditEntry(row.getString("id"), row.getTimestamp("audit_time").toInstant(),
                            row.getString("principal"), row.getString("action"), row.getString("target"),
                            Optional.ofNullable(row.getString("owner")).map(Username::of)));
                    }
                }
                return entries;
            }
        });
    }

    private static void bind(PreparedStatement statement, List<String> parameters) throws SQLException {
        for (int index = 0; index < parameters.size(); index++) {
            statement.setString(index + 1, parameters.get(index));
        }
    }

    private Timestamp cutoff() {
        return Timestamp.from(clock.instant().minus(configuration.retention()));
    }
}
