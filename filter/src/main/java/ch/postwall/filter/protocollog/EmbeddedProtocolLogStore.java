package ch.postwall.filter.protocollog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.internet.AddressException;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;

import ch.postwall.mailbox.embedded.EmbeddedDatabase;

/** The protocol log in the embedded Derby database; the concerned addresses in their own table. */
public class EmbeddedProtocolLogStore implements ProtocolLogStore {
    private static final String COLUMNS = "s.session_id, s.remote_ip, s.start_time, s.end_time, s.tls, s.lines";

    private final EmbeddedDatabase database;
    private final Clock clock;
    private final ProtocolLogConfiguration configuration;

    @Inject
    public EmbeddedProtocolLogStore(EmbeddedDatabase database, Clock clock, ProtocolLogConfiguration configuration) {
        this.database = database;
        this.clock = clock;
        this.configuration = configuration;
        database.createIfMissing(
            "CREATE TABLE protocol_log ("
                + "session_id VARCHAR(128) NOT NULL PRIMARY KEY, "
                + "remote_ip VARCHAR(64) NOT NULL, "
                + "start_time TIMESTAMP NOT NULL, "
                + "end_time TIMESTAMP NOT NULL, "
                + "tls VARCHAR(255), "
                + "lines CLOB NOT NULL)",
            "CREATE TABLE protocol_log_address ("
                + "session_id VARCHAR(128) NOT NULL REFERENCES protocol_log (session_id) ON DELETE CASCADE, "
                + "address VARCHAR(320) NOT NULL, "
                + "domain VARCHAR(255) NOT NULL, "
                + "PRIMARY KEY (session_id, address))",
            "CREATE INDEX protocol_log_start ON protocol_log (start_time)",
            "CREATE INDEX protocol_log_address_address ON protocol_log_address (address)",
            "CREATE INDEX protocol_log_address_domain ON protocol_log_address (domain)");
    }

    @Override
    public void append(SmtpSessionLog log) {
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO protocol_log "
                + "(session_id, remote_ip, start_time, end_time, tls, lines) VALUES (?, ?, ?, ?, ?, ?)");
                 PreparedStatement insertAddress = connection.prepareStatement(
                     "INSERT INTO protocol_log_address (session_id, address, domain) VALUES (?, ?, ?)")) {
                insert.setString(1, log.sessionId());
                insert.setString(2, log.remoteIp());
                insert.setTimestamp(3, Timestamp.from(log.start()));
                insert.setTimestamp(4, Timestamp.from(log.end()));
                insert.setString(5, log.tls().orElse(null));
                insert.setString(6, TranscriptCodec.encode(log.lines()));
                insert.executeUpdate();
                for (MailAddress address : log.addresses()) {
                    insertAddress.setString(1, log.sessionId());
                    insertAddress.setString(2, address.asString());
                    insertAddress.setString(3, address.getDomain().asString());
                    insertAddress.addBatch();
                }
                insertAddress.executeBatch();
                return null;
            }
        });
    }

    @Override
    public Optional<SmtpSessionLog> get(String sessionId) {
        return selectLive(" AND s.session_id = ?", List.of(sessionId)).stream().findFirst();
    }

    @Override
    public List<SmtpSessionLog> search(ProtocolLogQuery query) {
        StringBuilder conditions = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        query.from().ifPresent(from -> {
            conditions.append(" AND s.start_time >= ?");
            parameters.add(Timestamp.from(from));
        });
        query.until().ifPresent(until -> {
            conditions.append(" AND s.start_time < ?");
            parameters.add(Timestamp.from(until));
        });
        query.remoteIp().ifPresent(remoteIp -> {
            conditions.append(" AND s.remote_ip = ?");
            parameters.add(remoteIp);
        });
        parameters.add(query.offset());
        parameters.add(query.limit());
        return selectLive(conditions + " ORDER BY s.start_time DESC, s.session_id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
            parameters);
    }

    @Override
    public List<SmtpSessionLog> listByUser(MailAddress user) {
        return selectLive(" AND EXISTS (SELECT 1 FROM protocol_log_address a WHERE a.session_id = s.session_id "
            + "AND a.address = ?) ORDER BY s.start_time DESC, s.session_id", List.of(user.asString()));
    }

    @Override
    public void deleteUser(MailAddress user) {
        deleteConcerning("address", user.asString());
    }

    @Override
    public void deleteDomain(Domain domain) {
        deleteConcerning("domain", domain.asString());
    }

    @Override
    public int purgeExpired() {
        return database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM protocol_log WHERE start_time <= ?")) {
                delete.setTimestamp(1, cutoff());
                return delete.executeUpdate();
            }
        });
    }

    private void deleteConcerning(String column, String value) {
        database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM protocol_log s WHERE EXISTS "
                + "(SELECT 1 FROM protocol_log_address a WHERE a.session_id = s.session_id AND a." + column + " = ?)")) {
                delete.setString(1, value);
                return delete.executeUpdate();
            }
        });
    }

    private List<SmtpSessionLog> selectLive(String conditionsAndOrder, List<Object> parameters) {
        return database.inTransaction(connection -> {
            Map<String, Row> rows = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM protocol_log s WHERE s.start_time > ?" + conditionsAndOrder)) {
                select.setTimestamp(1, cutoff());
                for (int index = 0; index < parameters.size(); index++) {
                    select.setObject(index + 2, parameters.get(index));
                }
                try (ResultSet resultSet = select.executeQuery()) {
                    while (resultSet.next()) {
                        rows.put(resultSet.getString("session_id"), new Row(resultSet));
                    }
                }
            }
            List<SmtpSessionLog> logs = new ArrayList<>();
            try (PreparedStatement addresses = connection.prepareStatement(
                "SELECT address FROM protocol_log_address WHERE session_id = ?")) {
                for (Row row : rows.values()) {
                    addresses.setString(1, row.sessionId);
                    logs.add(row.toLog(readAddresses(addresses)));
                }
            }
            return logs;
        });
    }

    private static Set<MailAddress> readAddresses(PreparedStatement select) throws SQLException {
        Set<MailAddress> addresses = new HashSet<>();
        try (ResultSet resultSet = select.executeQuery()) {
            while (resultSet.next()) {
                String value = resultSet.getString("address");
                try {
                    addresses.add(new MailAddress(value));
                } catch (AddressException e) {
                    throw new SQLException("Stored address is invalid: " + value, e);
                }
            }
        }
        return addresses;
    }

    private Timestamp cutoff() {
        return Timestamp.from(clock.instant().minus(configuration.retention()));
    }

    /** The columns of one protocol_log row, read before its addresses. */
    private static final class Row {
        private final String sessionId;
        private final String remoteIp;
        private final Timestamp start;
        private final Timestamp end;
        private final String tls;
        private final String lines;

        private Row(ResultSet resultSet) throws SQLException {
            this.sessionId = resultSet.getString("session_id");
            this.remoteIp = resultSet.getString("remote_ip");
            this.start = resultSet.getTimestamp("start_time");
            this.end = resultSet.getTimestamp("end_time");
            this.tls = resultSet.getString("tls");
            this.lines = resultSet.getString("lines");
        }

        private SmtpSessionLog toLog(Set<MailAddress> addresses) {
            return new SmtpSessionLog(sessionId, remoteIp, start.toInstant(), end.toInstant(), Optional.ofNullable(tls),
                addresses, TranscriptCodec.decode(lines));
        }
    }
}
