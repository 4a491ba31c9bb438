package ch.postwall.filter.protocollog.cassandra;

import static ch.postwall.filter.protocollog.cassandra.CassandraProtocolLogTables.ADDRESS;
import static ch.postwall.filter.protocollog.cassandra.CassandraProtocolLogTables.ADDRESSES;
import static ch.postwall.filter.protocollog.cassandra.CassandraProtocolLogTables.BUCKET;
import static ch.postwall.filter.protocollog.cassandra.CassandraProtocolLogTables.BY_ADDRESS;
import static ch.postwall.filter.protocollog.cassandra.CassandraProtocolLogTables.BY_DAY;
import static ch.postwall.filter.protocollog.cassandra.CassandraProtocolLogTables.BY_DOMAIN;
import static ch.postwall.filter.protocollog.cassandra.CassandraProtocolLogTables.DAY;
import static ch.postwall.filter.protocollog.cassandra.CassandraProtocolLogTables.DAYS;
import static ch.postwall.filter.protocollog.cassandra.CassandraProtocolLogTables.DOMAIN;
import static ch.postwall.filter.protocollog.cassandra.CassandraProtocolLogTables.END;
import static ch.postwall.filter.protocollog.cassandra.CassandraProtocolLogTables.LINES;
import static ch.postwall.filter.protocollog.cassandra.CassandraProtocolLogTables.REMOTE_IP;
import static ch.postwall.filter.protocollog.cassandra.CassandraProtocolLogTables.SESSIONS;
import static ch.postwall.filter.protocollog.cassandra.CassandraProtocolLogTables.SESSION_ID;
import static ch.postwall.filter.protocollog.cassandra.CassandraProtocolLogTables.START;
import static ch.postwall.filter.protocollog.cassandra.CassandraProtocolLogTables.TLS;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import javax.inject.Inject;
import javax.mail.internet.AddressException;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import ch.postwall.filter.protocollog.MemoryProtocolLogStore;
import ch.postwall.filter.protocollog.ProtocolLogConfiguration;
import ch.postwall.filter.protocollog.ProtocolLogQuery;
import ch.postwall.filter.protocollog.ProtocolLogStore;
import ch.postwall.filter.protocollog.SmtpSessionLog;
import ch.postwall.filter.protocollog.TranscriptCodec;

/**
 * The protocol log on Cassandra. Rows expire by TTL (the session's remaining retention); reads also
 * check the retention against the clock, and {@link #purgeExpired()} deletes what the clock says is
 * expired before its TTL (e.g. after the retention was shortened). A search walks the days newest
 * first and checks the other criteria on the sessions.
 */
public class CassandraProtocolLogStore implements ProtocolLogStore {
    private static final Instant LATEST = Instant.ofEpochMilli(Long.MAX_VALUE);
    private static final int DAYS_BUCKET = 0;

    private final CqlSession session;
    private final Clock clock;
    private final ProtocolLogConfiguration configuration;
    private final PreparedStatement insertSession;
    private final PreparedStatement selectSession;
    private final PreparedStatement deleteSession;
    private final PreparedStatement insertByDay;
    private final PreparedStatement selectByDay;
    private final PreparedStatement deleteByDay;
    private final PreparedStatement insertByAddress;
    private final PreparedStatement selectByAddress;
    private final PreparedStatement deleteByAddress;
    private final PreparedStatement insertByDomain;
    private final PreparedStatement selectByDomain;
    private final PreparedStatement deleteByDomain;
    private final PreparedStatement insertDay;
    private final PreparedStatement selectDays;

    @Inject
    public CassandraProtocolLogStore(CqlSession session, Clock clock, ProtocolLogConfiguration configuration) {
        this.session = session;
        this.clock = clock;
        this.configuration = configuration;
        this.insertSession = session.prepare("INSERT INTO " + SESSIONS + " (" + String.join(", ", SESSION_ID, REMOTE_IP,
            START, END, TLS, ADDRESSES, LINES) + ") VALUES (?, ?, ?, ?, ?, ?, ?) USING TTL ?");
        this.selectSession = session.prepare("SELECT * FROM " + SESSIONS + " WHERE " + SESSION_ID + " = ?");
        this.deleteSession = session.prepare("DELETE FROM " + SESSIONS + " WHERE " + SESSION_ID + " = ?");
        this.insertByDay = session.prepare("INSERT INTO " + BY_DAY + " (" + DAY + ", " + START + ", " + SESSION_ID
            + ") VALUES (?, ?, ?) USING TTL ?");
        this.selectByDay = session.prepare("SELECT " + SESSION_ID + " FROM " + BY_DAY + " WHERE " + DAY + " = ? AND "
            + START + " >= ? AND " + START + " < ?");
        this.deleteByDay = session.prepare("DELETE FROM " + BY_DAY + " WHERE " + DAY + " = ? AND " + START + " = ? AND "
            + SESSION_ID + " = ?");
        this.insertByAddress = insertLookup(BY_ADDRESS, ADDRESS);
        this.selectByAddress = selectLookup(BY_ADDRESS, ADDRESS);
        this.deleteByAddress = deleteLookup(BY_ADDRESS, ADDRESS);
        this.insertByDomain = insertLookup(BY_DOMAIN, DOMAIN);
        this.selectByDomain = selectLookup(BY_DOMAIN, DOMAIN);
        this.deleteByDomain = deleteLookup(BY_DOMAIN, DOMAIN);
        this.insertDay = session.prepare("INSERT INTO " + DAYS + " (" + BUCKET + ", " + DAY + ") VALUES (?, ?) USING TTL ?");
        this.selectDays = session.prepare("SELECT " + DAY + " FROM " + DAYS + " WHERE " + BUCKET + " = ?");
    }

    private PreparedStatement insertLookup(String table, String key) {
        return session.prepare("INSERT INTO " + table + " (" + key + ", " + SESSION_ID + ") VALUES (?, ?) USING TTL ?");
    }

    private PreparedStatement selectLookup(String table, String key) {
        return session.prepare("SELECT " + SESSION_ID + " FROM " + table + " WHERE " + key + " = ?");
    }

    private PreparedStatement deleteLookup(String table, String key) {
        return session.prepare("DELETE FROM " + table + " WHERE " + key + " = ? AND " + SESSION_ID + " = ?");
    }

    @Override
    public void append(SmtpSessionLog log) {
        long remaining = remainingSeconds(log.start());
        if (remaining <= 0) {
            return;
        }
        int ttl = Math.toIntExact(remaining);
        LocalDate day = day(log.start());
        BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.LOGGED)
            .addStatement(insertSession.bind(log.sessionId(), log.remoteIp(), log.start(), log.end(),
                log.tls().orElse(null), log.addresses().stream().map(MailAddress::asString).collect(Collectors.toSet()),
                TranscriptCodec.encode(log.lines()), ttl))
            .addStatement(insertByDay.bind(day, log.start(), log.sessionId(), ttl));
        log.addresses().forEach(address -> batch.addStatement(insertByAddress.bind(address.asString(), log.sessionId(), ttl)));
        domains(log).forEach(domain -> batch.addStatement(insertByDomain.bind(domain, log.sessionId(), ttl)));
        // The day is listed as long as its latest possible session lives.
        long dayTtl = remainingSeconds(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        batch.addStatement(insertDay.bind(DAYS_BUCKET, day, Math.toIntExact(Math.max(dayTtl, remaining))));
        session.execute(batch.build());
    }

    @Override
    public Optional<SmtpSessionLog> get(String sessionId) {
        return load(sessionId).filter(this::isLive);
    }

    @Override
    public List<SmtpSessionLog> search(ProtocolLogQuery query) {
        Instant lower = query.from().filter(from -> from.isAfter(liveFrom())).orElse(liveFrom());
        Instant upper = query.until().orElse(LATEST);
        return days()
            .filter(day -> !day.isBefore(day(lower)) && !day.isAfter(day(upper.minusMillis(1))))
            .flatMap(day -> StreamSupport.stream(session.execute(selectByDay.bind(day, lower, upper)).spliterator(), false))
            .map(row -> row.getString(SESSION_ID))
            .map(this::load)
            .flatMap(Optional::stream)
            .filter(this::isLive)
            .filter(query::matches)
            .skip(query.offset())
            .limit(query.limit())
            .collect(Collectors.toList());
    }

    @Override
    public List<SmtpSessionLog> listByUser(MailAddress user) {
        return loadAll(selectByAddress.bind(user.asString())).filter(this::isLive).collect(Collectors.toList());
    }

    @Override
    public void deleteUser(MailAddress user) {
        loadAll(selectByAddress.bind(user.asString())).forEach(this::delete);
    }

    @Override
    public void deleteDomain(Domain domain) {
        loadAll(selectByDomain.bind(domain.asString())).forEach(this::delete);
    }

    @Override
    public int purgeExpired() {
        Instant cutoff = liveFrom();
        List<SmtpSessionLog> expired = days()
            .filter(day -> !day.isAfter(day(cutoff)))
            .flatMap(day -> StreamSupport.stream(session.execute(selectByDay.bind(day, Instant.EPOCH, cutoff.plusMillis(1)))
                .spliterator(), false))
            .map(row -> row.getString(SESSION_ID))
            .map(this::load)
            .flatMap(Optional::stream)
            .filter(log -> !isLive(log))
            .collect(Collectors.toList());
        expired.forEach(this::delete);
        return expired.size();
    }

    private Stream<SmtpSessionLog> loadAll(com.datastax.oss.driver.api.core.cql.BoundStatement lookup) {
        return StreamSupport.stream(session.execute(lookup).spliterator(), false)
            .map(row -> row.getString(SESSION_ID))
            .map(this::load)
            .flatMap(Optional::stream)
            .sorted(MemoryProtocolLogStore.NEWEST_FIRST);
    }

    private void delete(SmtpSessionLog log) {
        BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.LOGGED)
            .addStatement(deleteSession.bind(log.sessionId()))
            .addStatement(deleteByDay.bind(day(log.start()), log.start(), log.sessionId()));
        log.addresses().forEach(address -> batch.addStatement(deleteByAddress.bind(address.asString(), log.sessionId())));
        domains(log).forEach(domain -> batch.addStatement(deleteByDomain.bind(domain, log.sessionId())));
        session.execute(batch.build());
    }

    private Stream<LocalDate> days() {
        return StreamSupport.stream(session.execute(selectDays.bind(DAYS_BUCKET)).spliterator(), false)
            .map(row -> row.getLocalDate(DAY));
    }

    private Optional<SmtpSessionLog> load(String sessionId) {
        return Optional.ofNullable(session.execute(selectSession.bind(sessionId)).one()).map(CassandraProtocolLogStore::toLog);
    }

    private static SmtpSessionLog toLog(Row row) {
        Set<MailAddress> addresses = row.getSet(ADDRESSES, String.class).stream()
            .map(CassandraProtocolLogStore::address)
            .collect(Collectors.toSet());
        return new SmtpSessionLog(row.getString(SESSION_ID), row.getString(REMOTE_IP), row.getInstant(START),
            row.getInstant(END), Optional.ofNullable(row.getString(TLS)), addresses,
            TranscriptCodec.decode(row.getString(LINES)));
    }

    private static MailAddress address(String value) {
        try {
            return new MailAddress(value);
        } catch (AddressException e) {
            throw new IllegalStateException("Stored address is invalid: " + value, e);
        }
    }

    private static Set<String> domains(SmtpSessionLog log) {
        return log.addresses().stream().map(address -> address.getDomain().asString()).collect(Collectors.toSet());
    }

    private boolean isLive(SmtpSessionLog log) {
        return log.start().isAfter(liveFrom());
    }

    private Instant liveFrom() {
        return clock.instant().minus(configuration.retention());
    }

    private long remainingSeconds(Instant start) {
        return Duration.between(clock.instant(), start.plus(configuration.retention())).toSeconds();
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
