package ch.postwall.filter.trace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.internet.AddressException;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import ch.postwall.mailbox.embedded.EmbeddedDatabase;
import ch.postwall.mailbox.embedded.GroupCommit;

/** The message trace in the embedded Derby database; recipients in their own table so they can be searched. */
public class EmbeddedMessageTraceStore implements MessageTraceStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> CHECKS_TYPE = new TypeReference<>() { };
    private static final String COLUMNS = "t.id, t.trace_time, t.remote_ip, t.sender, t.message_id, t.size, t.checks, "
        + "t.verdict, t.action, t.delivery";
    private static final String CONCERNS_USER = "(t.sender = ? OR EXISTS (SELECT 1 FROM message_trace_recipient r "
        + "WHERE r.id = t.id AND r.recipient = ?))";
    private static final String CONCERNS_DOMAIN = "(t.sender_domain = ? OR EXISTS (SELECT 1 FROM message_trace_recipient r "
        + "WHERE r.id = t.id AND r.domain = ?))";

    private final EmbeddedDatabase database;
    private final Clock clock;
    private final MessageTraceConfiguration configuration;
    /** Every relayed, delivered or quarantined mail appends one: concurrent mails share a commit. */
    private final GroupCommit<MessageTrace> appends;

    @Inject
    public EmbeddedMessageTraceStore(EmbeddedDatabase database, Clock clock, MessageTraceConfiguration configuration) {
        this.database = database;
        this.clock = clock;
        this.configuration = configuration;
        this.appends = new GroupCommit<>(database, EmbeddedMessageTraceStore::insert);
        database.createIfMissing(
            "CREATE TABLE message_trace ("
                + "id VARCHAR(64) NOT NULL PRIMARY KEY, "
                + "trace_time TIMESTAMP NOT NULL, "
                + "remote_ip VARCHAR(64) NOT NULL, "
                + "sender VARCHAR(320) NOT NULL, "
                + "sender_domain VARCHAR(255), "
                + "message_id VARCHAR(1000), "
                + "size BIGINT NOT NULL, "
                + "checks VARCHAR(16000) NOT NULL, "
                + "verdict VARCHAR(64) NOT NULL, "
                + "action VARCHAR(64) NOT NULL, "
                + "delivery VARCHAR(16) NOT NULL)",
            "CREATE TABLE message_trace_recipient ("
                + "id VARCHAR(64) NOT NULL REFERENCES message_trace (id) ON DELETE CASCADE, "
                + "position INT NOT NULL, "
                + "recipient VARCHAR(320) NOT NULL, "
                + "domain VARCHAR(255) NOT NULL, "
                + "PRIMARY KEY (id, position))",
            "CREATE INDEX message_trace_time ON message_trace (trace_time)",
            "CREATE INDEX message_trace_sender ON message_trace (sender)",
            "CREATE INDEX message_trace_message_id ON message_trace (message_id)",
            "CREATE INDEX message_trace_recipient_address ON message_trace_recipient (recipient)",
            "CREATE INDEX message_trace_recipient_domain ON message_trace_recipient (domain)");
    }

    @Override
    public void append(MessageTrace trace) {
        appends.write(trace);
    }

    private static void insert(Connection connection, List<MessageTrace> traces) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO message_trace (id, trace_time, "
            + "remote_ip, sender, sender_domain, message_id, size, checks, verdict, action, delivery) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement insertRecipient = connection.prepareStatement(
                 "INSERT INTO message_trace_recipient (id, position, recipient, domain) VALUES (?, ?, ?, ?)")) {
            for (MessageTrace trace : traces) {
                insert.setString(1, trace.id());
                insert.setTimestamp(2, Timestamp.from(trace.time()));
                insert.setString(3, trace.remoteIp());
                insert.setString(4, trace.sender().asOptional().map(MailAddress::asString).orElse(""));
                insert.setString(5, trace.sender().asOptional().map(address -> address.getDomain().asString()).orElse(null));
                insert.setString(6, trace.messageId().orElse(null));
                insert.setLong(7, trace.size());
                insert.setString(8, toJson(trace.checks()));
                insert.setString(9, trace.verdict());
                insert.setString(10, trace.action());
                insert.setString(11, trace.delivery().name());
                insert.addBatch();
                for (int position = 0; position < trace.recipients().size(); position++) {
                    MailAddress recipient = trace.recipients().get(position);
                    insertRecipient.setString(1, trace.id());
                    insertRecipient.setInt(2, position);
                    insertRecipient.setString(3, recipient.asString());
                    insertRecipient.setString(4, recipient.getDomain().asString());
                    insertRecipient.addBatch();
                }
            }
            insert.executeBatch();
            insertRecipient.executeBatch();
        }
    }

    @Override
    public boolean updateDelivery(String traceId, DeliveryStatus delivery) {
        return database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                "UPDATE message_trace SET delivery = ? WHERE id = ? AND trace_time > ?")) {
                update.setString(1, delivery.name());
                update.setString(2, traceId);
                update.setTimestamp(3, cutoff());
                return update.executeUpdate() > 0;
            }
        });
    }

    @Override
    public List<MessageTrace> search(MessageTraceQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        query.sender().ifPresent(sender -> addCondition(conditions, parameters, "t.sender = ?", sender.asString()));
        query.recipient().ifPresent(recipient -> addCondition(conditions, parameters,
            "EXISTS (SELECT 1 FROM message_trace_recipient r WHERE r.id = t.id AND r.recipient = ?)", recipient.asString()));
        query.messageId().ifPresent(messageId -> addCondition(conditions, parameters, "t.message_id = ?", messageId));
        query.recipientDomain().ifPresent(domain -> addCondition(conditions, parameters,
            "EXISTS (SELECT 1 FROM message_trace_recipient r WHERE r.id = t.id AND r.domain = ?)", domain.asString()));
        query.verdict().ifPresent(verdict -> addCondition(conditions, parameters, "t.verdict = ?", verdict));
        query.from().ifPresent(from -> addCondition(conditions, parameters, "t.trace_time >= ?", Timestamp.from(from)));
        query.until().ifPresent(until -> addCondition(conditions, parameters, "t.trace_time < ?", Timestamp.from(until)));
        String where = conditions.stream().map(condition -> " AND " + condition).reduce("", String::concat);
        parameters.add(query.offset());
        parameters.add(query.limit());
        return selectLive(where + " ORDER BY t.trace_time DESC, t.id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", parameters);
    }

    @Override
    public List<MessageTrace> listByUser(MailAddress user) {
        return selectLive(" AND " + CONCERNS_USER + " ORDER BY t.trace_time DESC, t.id",
            List.of(user.asString(), user.asString()));
    }

    @Override
    public void deleteUser(MailAddress user) {
        delete(CONCERNS_USER, user.asString());
    }

    @Override
    public void deleteDomain(Domain domain) {
        delete(CONCERNS_DOMAIN, domain.asString());
    }

    @Override
    public int purgeExpired() {
        return database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM message_trace WHERE trace_time <= ?")) {
                delete.setTimestamp(1, cutoff());
                return delete.executeUpdate();
            }
        });
    }

    private void delete(String condition, String value) {
        database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM message_trace t WHERE " + condition)) {
                delete.setString(1, value);
                delete.setString(2, value);
                return delete.executeUpdate();
            }
        });
    }

    private static void addCondition(List<String> conditions, List<Object> parameters, String condition, Object value) {
        conditions.add(condition);
        parameters.add(value);
    }

    private List<MessageTrace> selectLive(String conditionsAndOrder, List<Object> parameters) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM message_trace t WHERE t.trace_time > ?" + conditionsAndOrder)) {
                select.setTimestamp(1, cutoff());
                for (int index = 0; index < parameters.size(); index++) {
                    select.setObject(index + 2, parameters.get(index));
                }
                return readAll(connection, select);
            }
        });
    }

    private List<MessageTrace> readAll(Connection connection, PreparedStatement select) throws SQLException {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (ResultSet resultSet = select.executeQuery()) {
            while (resultSet.next()) {
                rows.put(resultSet.getString("id"), new Row(resultSet));
            }
        }
        List<MessageTrace> traces = new ArrayList<>();
        try (PreparedStatement recipients = connection.prepareStatement(
            "SELECT recipient FROM message_trace_recipient WHERE id = ? ORDER BY position")) {
            for (Row row : rows.values()) {
                recipients.setString(1, row.id);
                traces.add(row.toTrace(readRecipients(recipients)));
            }
        }
        return traces;
    }

    private static List<MailAddress> readRecipients(PreparedStatement select) throws SQLException {
        List<MailAddress> recipients = new ArrayList<>();
        try (ResultSet resultSet = select.executeQuery()) {
            while (resultSet.next()) {
                recipients.add(address(resultSet.getString("recipient")));
            }
        }
        return recipients;
    }

    private Timestamp cutoff() {
        return Timestamp.from(clock.instant().minus(configuration.retention()));
    }

    private static MailAddress address(String value) throws SQLException {
        try {
            return new MailAddress(value);
        } catch (AddressException e) {
            throw new SQLException("Stored address is invalid: " + value, e);
        }
    }

    private static String toJson(Map<String, String> checks) {
        try {
            return JSON.writeValueAsString(checks);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Checks cannot be serialised", e);
        }
    }

    /** The columns of one message_trace row, read before its recipients. */
    private static final class Row {
        private final String id;
        private final Instant time;
        private final String remoteIp;
        private final String sender;
        private final String messageId;
        private final long size;
        private final String checks;
        private final String verdict;
        private final String action;
        private final String delivery;

        private Row(ResultSet resultSet) throws SQLException {
            this.id = resultSet.getString("id");
            this.time = resultSet.getTimestamp("trace_time").toInstant();
            this.remoteIp = resultSet.getString("remote_ip");
            this.sender = resultSet.getString("sender");
            this.messageId = resultSet.getString("message_id");
            this.size = resultSet.getLong("size");
            this.checks = resultSet.getString("checks");
            this.verdict = resultSet.getString("verdict");
            this.action = resultSet.getString("action");
            this.delivery = resultSet.getString("delivery");
        }

        private MessageTrace toTrace(List<MailAddress> recipients) throws SQLException {
            try {
                return new MessageTrace(id, time, remoteIp,
                    sender.isEmpty() ? MaybeSender.nullSender() : MaybeSender.of(address(sender)),
                    recipients, Optional.ofNullable(messageId), size, JSON.readValue(checks, CHECKS_TYPE),
                    verdict, action, DeliveryStatus.valueOf(delivery));
            } catch (JsonProcessingException e) {
                throw new SQLException("Stored checks of trace " + id + " are invalid", e);
            }
        }
    }
}
