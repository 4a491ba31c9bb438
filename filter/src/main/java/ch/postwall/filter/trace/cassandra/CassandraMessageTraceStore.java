package ch.postwall.filter.trace.cassandra;

import static ch.postwall.filter.trace.cassandra.CassandraMessageTraceTables.ACTION;
import static ch.postwall.filter.trace.cassandra.CassandraMessageTraceTables.ADDRESS;
import static ch.postwall.filter.trace.cassandra.CassandraMessageTraceTables.BUCKET;
import static ch.postwall.filter.trace.cassandra.CassandraMessageTraceTables.BY_ADDRESS;
import static ch.postwall.filter.trace.cassandra.CassandraMessageTraceTables.BY_DAY;
import static ch.postwall.filter.trace.cassandra.CassandraMessageTraceTables.BY_DOMAIN;
import static ch.postwall.filter.trace.cassandra.CassandraMessageTraceTables.BY_MESSAGE_ID;
import static ch.postwall.filter.trace.cassandra.CassandraMessageTraceTables.CHECKS;
import static ch.postwall.filter.trace.cassandra.CassandraMessageTraceTables.DAY;
import static ch.postwall.filter.trace.cassandra.CassandraMessageTraceTables.DAYS;
import static ch.postwall.filter.trace.cassandra.CassandraMessageTraceTables.DELIVERY;
import static ch.postwall.filter.trace.cassandra.CassandraMessageTraceTables.DOMAIN;
import static ch.postwall.filter.trace.cassandra.CassandraMessageTraceTables.ID;
import static ch.postwall.filter.trace.cassandra.CassandraMessageTraceTables.MESSAGE_ID;
import static ch.postwall.filter.trace.cassandra.CassandraMessageTraceTables.RECIPIENTS;
import static ch.postwall.filter.trace.cassandra.CassandraMessageTraceTables.RECIPIENT_ROLE;
import static ch.postwall.filter.trace.cassandra.CassandraMessageTraceTables.REMOTE_IP;
import static ch.postwall.filter.trace.cassandra.CassandraMessageTraceTables.ROLE;
import static ch.postwall.filter.trace.cassandra.CassandraMessageTraceTables.SENDER;
import static ch.postwall.filter.trace.cassandra.CassandraMessageTraceTables.SENDER_ROLE;
import static ch.postwall.filter.trace.cassandra.CassandraMessageTraceTables.SIZE;
import static ch.postwall.filter.trace.cassandra.CassandraMessageTraceTables.TIME;
import static ch.postwall.filter.trace.cassandra.CassandraMessageTraceTables.TRACE;
import static ch.postwall.filter.trace.cassandra.CassandraMessageTraceTables.VERDICT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import javax.inject.Inject;
import javax.mail.internet.AddressException;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;

import ch.postwall.filter.trace.DeliveryStatus;
import ch.postwall.filter.trace.MessageTrace;
import ch.postwall.filter.trace.MessageTraceConfiguration;
import ch.postwall.filter.trace.MessageTraceQuery;
import ch.postwall.filter.trace.MessageTraceStore;

/**
 * The message trace on Cassandra. Rows expire by TTL (the entry's remaining retention); reads also
 * check the retention against the clock, and {@link #purgeExpired()} deletes what the clock says
 * is expired before its TTL (e.g. after the retention was shortened).
 * A search walks the most selective lookup table newest first and checks the other criteria on
 * the entries, so a page deep into a broad search costs reading the pages before it.
 */
public class CassandraMessageTraceStore implements MessageTraceStore {
    private static final Comparator<Candidate> NEWEST_FIRST = Comparator.comparing(Candidate::time).reversed()
        .thenComparing(Candidate::id);
    private static final Instant LATEST = Instant.ofEpochMilli(Long.MAX_VALUE);
    private static final int DAYS_BUCKET = 0;

    /** One row of a lookup table: its partition key values, then the entry's time and id. */
    private record Candidate(Instant time, String id) {
    }

    /** A lookup table whose rows are (partition key..., trace_time, id). */
    private record Index(PreparedStatement insert, PreparedStatement delete, PreparedStatement select) {
        BoundStatement insert(List<Object> partition, MessageTrace trace, int ttl) {
            List<Object> values = new ArrayList<>(partition);
            values.addAll(List.of(trace.time(), trace.id(), ttl));
            return insert.bind(values.toArray());
        }

        BoundStatement delete(List<Object> partition, MessageTrace trace) {
            List<Object> values = new ArrayList<>(partition);
            values.addAll(List.of(trace.time(), trace.id()));
            return delete.bind(values.toArray());
        }

        Stream<Candidate> select(CqlSession session, List<Object> partition, Instant lower, Instant upper) {
            List<Object> values = new ArrayList<>(partition);
            values.addAll(List.of(lower, upper));
            return rows(session.execute(select.bind(values.toArray())))
                .map(row -> new Candidate(row.getInstant(TIME), row.getString(ID)));
        }
    }

    private final CqlSession session;
    private final Clock clock;
    private final MessageTraceConfiguration configuration;
    private final PreparedStatement insertTrace;
    private final PreparedStatement selectTrace;
    private final PreparedStatement deleteTrace;
    private final PreparedStatement updateDelivery;
    private final PreparedStatement insertDay;
    private final PreparedStatement selectDays;
    private final PreparedStatement selectExpiredOfDay;
    private final Index byAddress;
    private final Index byDomain;
    private final Index byMessageId;
    private final Index byDay;

    @Inject
    public CassandraMessageTraceStore(CqlSession session, Clock clock, MessageTraceConfiguration configuration) {
        this.session = session;
        this.clock = clock;
        this.configuration = configuration;
        this.insertTrace = session.prepare("INSERT INTO " + TRACE + " (" + String.join(", ", ID, TIME, REMOTE_IP, SENDER,
            RECIPIENTS, MESSAGE_ID, SIZE, CHECKS, VERDICT, ACTION, DELIVERY) + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) USING TTL ?");
        this.selectTrace = session.prepare("SELECT * FROM " + TRACE + " WHERE " + ID + " = ?");
        this.deleteTrace = session.prepare("DELETE FROM " + TRACE + " WHERE " + ID + " = ?");
        this.updateDelivery = session.prepare("UPDATE " + TRACE + " USING TTL ? SET " + DELIVERY + " = ? WHERE " + ID + " = ?");
        this.insertDay = session.prepare("INSERT INTO " + DAYS + " (" + BUCKET + ", " + DAY + ") VALUES (?, ?) USING TTL ?");
        this.selectDays = session.prepare("SELECT " + DAY + " FROM " + DAYS + " WHERE " + BUCKET + " = ?");
        this.selectExpiredOfDay = session.prepare("SELECT " + TIME + ", " + ID + " FROM " + BY_DAY
            + " WHERE " + DAY + " = ? AND " + TIME + " <= ?");
        this.byAddress = index(BY_ADDRESS, ADDRESS, ROLE);
        this.byDomain = index(BY_DOMAIN, DOMAIN, ROLE);
        this.byMessageId = index(BY_MESSAGE_ID, MESSAGE_ID);
        this.byDay = index(BY_DAY, DAY);
    }

    private Index index(String table, String... partitionColumns) {
        String partition = Stream.of(partitionColumns).map(column -> column + " = ?").collect(Collectors.joining(" AND "));
        return new Index(
            session.prepare("INSERT INTO " + table + " (" + String.join(", ", partitionColumns) + ", " + TIME + ", " + ID
                + ") VALUES (" + "?, ".repeat(partitionColumns.length) + "?, ?) USING TTL ?"),
            session.prepare("DELETE FROM " + table + " WHERE " + partition + " AND " + TIME + " = ? AND " + ID + " = ?"),
            session.prepare("SELECT " + TIME + ", " + ID + " FROM " + table + " WHERE " + partition
                + " AND " + TIME + " >= ? AND " + TIME + " < ?"));
    }

    @Override
    public void append(MessageTrace trace) {
        long ttl = remainingSeconds(trace.time());
        if (ttl <= 0) {
            return;
        }
        int entryTtl = Math.toIntExact(ttl);
        BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.LOGGED)
            .addStatement(insertTrace.bind(trace.id(), trace.time(), trace.remoteIp(),
                trace.sender().asOptional().map(MailAddress::asString).orElse(null),
                trace.recipients().stream().map(MailAddress::asString).collect(Collectors.toList()),
                trace.messageId().orElse(null), trace.size(), trace.checks(), trace.verdict(), trace.action(),
                trace.delivery().name(), entryTtl));
        lookupRows(trace).forEach(row -> batch.addStatement(row.index().insert(row.partition(), trace, entryTtl)));
        LocalDate day = day(trace.time());
        // The day is listed as long as its latest possible entry lives.
        long dayTtl = remainingSeconds(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        batch.addStatement(insertDay.bind(DAYS_BUCKET, day, Math.toIntExact(Math.max(dayTtl, ttl))));
        session.execute(batch.build());
    }

    /** A row of a lookup table for an entry. */
    private record LookupRow(Index index, List<Object> partition) {
    }

    private Stream<LookupRow> lookupRows(MessageTrace trace) {
        Stream<LookupRow> sender = trace.sender().asOptional().stream().flatMap(address -> Stream.of(
            new LookupRow(byAddress, List.of(address.asString(), SENDER_ROLE)),
            new LookupRow(byDomain, List.of(address.getDomain().asString(), SENDER_ROLE))));
        Stream<LookupRow> recipients = Stream.concat(
            trace.recipients().stream().map(recipient -> new LookupRow(byAddress, List.of(recipient.asString(), RECIPIENT_ROLE))),
            trace.recipients().stream().map(recipient -> recipient.getDomain().asString()).distinct()
                .map(domain -> new LookupRow(byDomain, List.of(domain, RECIPIENT_ROLE))));
        Stream<LookupRow> others = Stream.concat(
            trace.messageId().stream().map(messageId -> new LookupRow(byMessageId, List.of(messageId))),
            Stream.of(new LookupRow(byDay, List.of(day(trace.time())))));
        return Stream.of(sender, recipients, others).flatMap(rows -> rows);
    }

    @Override
    public boolean updateDelivery(String traceId, DeliveryStatus delivery) {
        return load(traceId)
            .filter(this::isLive)
            .map(trace -> {
                session.execute(updateDelivery.bind(Math.toIntExact(remainingSeconds(trace.time())), delivery.name(), traceId));
                return true;
            })
            .orElse(false);
    }

    @Override
    public List<MessageTrace> search(MessageTraceQuery query) {
        Instant lower = query.from().filter(from -> from.isAfter(liveFrom())).orElse(liveFrom());
        Instant upper = query.until().orElse(LATEST);
        return candidates(query, lower, upper)
            .map(Candidate::id)
            .map(this::load)
            .flatMap(Optional::stream)
            .filter(this::isLive)
            .filter(query::matches)
            .skip(query.offset())
            .limit(query.limit())
            .collect(Collectors.toList());
    }

    /** Candidates newest first, from the most selective lookup table the query allows. */
    private Stream<Candidate> candidates(MessageTraceQuery query, Instant lower, Instant upper) {
        if (query.messageId().isPresent()) {
            return byMessageId.select(session, List.of(query.messageId().get()), lower, upper);
        }
        if (query.recipient().isPresent()) {
            return byAddress.select(session, List.of(query.recipient().get().asString(), RECIPIENT_ROLE), lower, upper);
        }
        if (query.sender().isPresent()) {
            return byAddress.select(session, List.of(query.sender().get().asString(), SENDER_ROLE), lower, upper);
        }
        if (query.recipientDomain().isPresent()) {
            return byDomain.select(session, List.of(query.recipientDomain().get().asString(), RECIPIENT_ROLE), lower, upper);
        }
        return days()
            .filter(day -> !day.isBefore(day(lower)) && !day.isAfter(day(upper.minusMillis(1))))
            .flatMap(day -> byDay.select(session, List.of(day), lower, upper));
    }

    @Override
    public List<MessageTrace> listByUser(MailAddress user) {
        return loadAll(Stream.of(SENDER_ROLE, RECIPIENT_ROLE)
            .flatMap(role -> byAddress.select(session, List.of(user.asString(), role), liveFrom(), LATEST)))
            .filter(this::isLive)
            .collect(Collectors.toList());
    }

    @Override
    public void deleteUser(MailAddress user) {
        loadAll(Stream.of(SENDER_ROLE, RECIPIENT_ROLE)
            .flatMap(role -> byAddress.select(session, List.of(user.asString(), role), Instant.EPOCH, LATEST)))
            .forEach(this::delete);
    }

    @Override
    public void deleteDomain(Domain domain) {
        loadAll(Stream.of(SENDER_ROLE, RECIPIENT_ROLE)
            .flatMap(role -> byDomain.select(session, List.of(domain.asString(), role), Instant.EPOCH, LATEST)))
            .forEach(this::delete);
    }

    @Override
    public int purgeExpired() {
        Instant cutoff = cutoff();
        List<MessageTrace> expired = loadAll(days()
            .filter(day -> !day.isAfter(day(cutoff)))
            .flatMap(day -> rows(session.execute(selectExpiredOfDay.bind(day, cutoff)))
                .map(row -> new Candidate(row.getInstant(TIME), row.getString(ID)))))
            .collect(Collectors.toList());
        expired.forEach(this::delete);
        return expired.size();
    }

    private Stream<LocalDate> days() {
        return rows(session.execute(selectDays.bind(DAYS_BUCKET))).map(row -> row.getLocalDate(DAY));
    }

    /** The entries of the candidates, each once, newest first. */
    private Stream<MessageTrace> loadAll(Stream<Candidate> candidates) {
        return candidates.distinct()
            .sorted(NEWEST_FIRST)
            .map(Candidate::id)
            .map(this::load)
            .flatMap(Optional::stream);
    }

    private void delete(MessageTrace trace) {
        BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.LOGGED).addStatement(deleteTrace.bind(trace.id()));
        lookupRows(trace).forEach(row -> batch.addStatement(row.index().delete(row.partition(), trace)));
        session.execute(batch.build());
    }

    private Optional<MessageTrace> load(String id) {
        return Optional.ofNullable(session.execute(selectTrace.bind(id)).one()).map(CassandraMessageTraceStore::toTrace);
    }

    private static MessageTrace toTrace(Row row) {
        return new MessageTrace(row.getString(ID), row.getInstant(TIME), row.getString(REMOTE_IP),
            Optional.ofNullable(row.getString(SENDER)).map(address -> MaybeSender.of(mailAddress(address))).orElse(MaybeSender.nullSender()),
            row.getList(RECIPIENTS, String.class).stream().map(CassandraMessageTraceStore::mailAddress).collect(Collectors.toList()),
            Optional.ofNullable(row.getString(MESSAGE_ID)), row.getLong(SIZE), row.getMap(CHECKS, String.class, String.class),
            row.getString(VERDICT), row.getString(ACTION), DeliveryStatus.valueOf(row.getString(DELIVERY)));
    }

    private static MailAddress mailAddress(String value) {
        try {
            return new MailAddress(value);
        } catch (AddressException e) {
            throw new IllegalStateException("Stored address is invalid: " + value, e);
        }
    }

    private static Stream<Row> rows(ResultSet resultSet) {
        return StreamSupport.stream(resultSet.spliterator(), false);
    }

    private boolean isLive(MessageTrace trace) {
        return trace.time().isAfter(cutoff());
    }

    private Instant cutoff() {
        return clock.instant().minus(configuration.retention());
    }

    /** Cassandra keeps milliseconds: the first live instant is one millisecond past the cutoff. */
    private Instant liveFrom() {
        return cutoff().plusMillis(1);
    }

    private long remainingSeconds(Instant time) {
        Duration remaining = Duration.between(clock.instant(), time.plus(configuration.retention()));
        return remaining.toSeconds() + (remaining.toNanosPart() > 0 ? 1 : 0);
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
