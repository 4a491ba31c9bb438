package ch.postwall.retention.access;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import ch.postwall.mailbox.embedded.EmbeddedDatabase;

/** The access log in the embedded Derby database; expired rows are deleted by {@link AccessLogPurger}. */
public class EmbeddedAccessLogStore implements AccessLogStore {
    private final EmbeddedDatabase database;
    private final Clock clock;
    private final AccessLogConfiguration configuration;

    @Inject
    public EmbeddedAccessLogStore(EmbeddedDatabase database, Clock clock, AccessLogConfiguration configuration) {
        this.database = database;
        this.clock = clock;
        this.configuration = configuration;
        database.createIfMissing(
            "CREATE TABLE access_log ("
                + "id VARCHAR(64) NOT NULL PRIMARY KEY, "
                + "access_time TIMESTAMP NOT NULL, "
                + "account VARCHAR(320) NOT NULL, "
                + "domain VARCHAR(255), "
                + "access_type VARCHAR(16) NOT NULL, "
                + "remote_ip VARCHAR(64) NOT NULL, "
                + "failure VARCHAR(1000))",
            "CREATE INDEX access_log_time ON access_log (access_time)",
            "CREATE INDEX access_log_account ON access_log (account, access_time)",
            "CREATE INDEX access_log_domain ON access_log (domain, access_time)");
    }

    @Override
    public void append(AccessEntry entry) {
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO access_log "
                + "(id, access_time, account, domain, access_type, remote_ip, failure) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, entry.id());
                insert.setTimestamp(2, Timestamp.from(entry.time()));
                insert.setString(3, entry.account().asString());
                insert.setString(4, entry.account().getDomainPart().map(Domain::asString).orElse(null));
                insert.setString(5, entry.type().name());
                insert.setString(6, entry.remoteIp());
                insert.setString(7, entry.failureReason().orElse(null));
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public List<AccessEntry> listByUser(Username account, int limit) {
        return selectLive("account", account.asString(), limit);
    }

    @Override
    public List<AccessEntry> listByDomain(Domain domain, int limit) {
        return selectLive("domain", domain.asString(), limit);
    }

    @Override
    public void deleteUser(Username account) {
        delete("DELETE FROM access_log WHERE account = ?", Optional.of(account.asString()));
    }

    @Override
    public void deleteDomain(Domain domain) {
        delete("DELETE FROM access_log WHERE domain = ?", Optional.of(domain.asString()));
    }

    @Override
    public int purgeExpired() {
        return delete("DELETE FROM access_log WHERE access_time <= ?", Optional.empty());
    }

    /** Deletes the rows matching the statement's one parameter: the value, or the expiry cutoff when none. */
    private int delete(String delete, Optional<String> value) {
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(delete)) {
                if (value.isPresent()) {
                    statement.setString(1, value.get());
                } else {
                    statement.setTimestamp(1, cutoff());
                }
                return statement.executeUpdate();
            }
        });
    }

    private List<AccessEntry> selectLive(String column, String value, int limit) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id, access_time, account, access_type, "
                + "remote_ip, failure FROM access_log WHERE " + column + " = ? AND access_time > ? "
                + "ORDER BY access_time DESC, id FETCH FIRST ? ROWS ONLY")) {
                select.setString(1, value);
                select.setTimestamp(2, cutoff());
                select.setInt(3, limit);
                List<AccessEntry> entries = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        entries.add(new AccessEntry(row.getString("id"), row.getTimestamp("access_time").toInstant(),
                            Username.of(row.getString("account")), AccessType.valueOf(row.getString("access_type")),
                            row.getString("remote_ip"), Optional.ofNullable(row.getString("failure"))));
                    }
                }
                return entries;
            }
        });
    }

    private Timestamp cutoff() {
        return Timestamp.from(clock.instant().minus(configuration.retention()));
    }
}
