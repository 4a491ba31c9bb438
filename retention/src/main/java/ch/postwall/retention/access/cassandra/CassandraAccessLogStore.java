package ch.postwall.retention.access.cassandra;

import static ch.postwall.retention.access.cassandra.CassandraAccessLogTables.ACCOUNT;
import static ch.postwall.retention.access.cassandra.CassandraAccessLogTables.BY_ACCOUNT;
import static ch.postwall.retention.access.cassandra.CassandraAccessLogTables.BY_DOMAIN;
import static ch.postwall.retention.access.cassandra.CassandraAccessLogTables.DAY;
import static ch.postwall.retention.access.cassandra.CassandraAccessLogTables.DOMAIN;
import static ch.postwall.retention.access.cassandra.CassandraAccessLogTables.FAILURE;
import static ch.postwall.retention.access.cassandra.CassandraAccessLogTables.ID;
import static ch.postwall.retention.access.cassandra.CassandraAccessLogTables.REMOTE_IP;
import static ch.postwall.retention.access.cassandra.CassandraAccessLogTables.TIME;
import static ch.postwall.retention.access.cassandra.CassandraAccessLogTables.TYPE;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import ch.postwall.retention.access.AccessEntry;
import ch.postwall.retention.access.AccessLogConfiguration;
import ch.postwall.retention.access.AccessLogStore;
import ch.postwall.retention.access.AccessType;

/**
 * The access log on Cassandra. Rows expire by TTL (the entry's remaining retention), so
 * {@link #purgeExpired()} has nothing to delete; reads also check the retention against the clock.
 * Deleting a user or a domain walks the domain's day partitions of the retention period.
 */
public class CassandraAccessLogStore implements AccessLogStore {
    private final CqlSession session;
    private final Clock clock;
    private final AccessLogConfiguration configuration;
    private final PreparedStatement insertByAccount;
    private final PreparedStatement insertByDomain;
    private final PreparedStatement selectByAccount;
    private final PreparedStatement selectByDomainDay;
    private final PreparedStatement selectAllOfDomainDay;
    private final PreparedStatement deleteAccount;
    private final PreparedStatement deleteDomainRow;
    private final PreparedStatement deleteDomainDay;

    @Inject
    public CassandraAccessLogStore(CqlSession session, Clock clock, AccessLogConfiguration configuration) {
        this.session = session;
        this.clock = clock;
        this.configuration = configuration;
        this.insertByAccount = session.prepare("INSERT INTO " + BY_ACCOUNT + " (" + String.join(", ", ACCOUNT, TIME, ID, TYPE,
            REMOTE_IP, FAILURE) + ") VALUES (?, ?, ?, ?, ?, ?) USING TTL ?");
        this.insertByDomain = session.prepare("INSERT INTO " + BY_DOMAIN + " (" + String.join(", ", DOMAIN, DAY, TIME, ID,
            ACCOUNT, TYPE, REMOTE_IP, FAILURE) + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) USING TTL ?");
        this.selectByAccount = session.prepare("SELECT * FROM " + BY_ACCOUNT + " WHERE " + ACCOUNT + " = ? AND "
            + TIME + " > ? LIMIT ?");
        this.selectByDomainDay = session.prepare("SELECT * FROM " + BY_DOMAIN + " WHERE " + DOMAIN + " = ? AND " + DAY
            + " = ? AND " + TIME + " > ? LIMIT ?");
        this.selectAllOfDomainDay = session.prepare("SELECT " + TIME + ", " + ID + ", " + ACCOUNT + " FROM " + BY_DOMAIN
            + " WHERE " + DOMAIN + " = ? AND " + DAY + " = ?");
        this.deleteAccount = session.prepare("DELETE FROM " + BY_ACCOUNT + " WHERE " + ACCOUNT + " = ?");
        this.deleteDomainRow = session.prepare("DELETE FROM " + BY_DOMAIN + " WHERE " + DOMAIN + " = ? AND " + DAY + " = ? AND "
            + TIME + " = ? AND " + ID + " = ?");
        this.deleteDomainDay = session.prepare("DELETE FROM " + BY_DOMAIN + " WHERE " + DOMAIN + " = ? AND " + DAY + " = ?");
    }

    @Override
    public void append(AccessEntry entry) {
        int ttl = remainingSeconds(entry.time());
        if (ttl <= 0) {
            return;
        }
        String failure = entry.failureReason().orElse(null);
        BatchStatement batch = BatchStatement.newInstance(DefaultBatchType.LOGGED,
            insertByAccount.bind(entry.account().asString(), entry.time(), entry.id(), entry.type().name(), entry.remoteIp(),
                failure, ttl));
        Optional<Domain> domain = entry.account().getDomainPart();
        if (domain.isPresent()) {
            batch = batch.add(insertByDomain.bind(domain.get().asString(), day(entry.time()), entry.time(), entry.id(),
                entry.account().asString(), entry.type().name(), entry.remoteIp(), failure, ttl));
        }
        session.execute(batch);
    }

    @Override
    public List<AccessEntry> listByUser(Username account, int limit) {
        return rows(session.execute(selectByAccount.bind(account.asString(), cutoff(), limit)))
            .map(row -> entry(row, account))
            .toList();
    }

    @Override
    public List<AccessEntry> listByDomain(Domain domain, int limit) {
        List<AccessEntry> entries = new ArrayList<>();
        Instant cutoff = cutoff();
        for (LocalDate day : daysNewestFirst()) {
            if (entries.size() >= limit) {
                break;
            }
            rows(session.execute(selectByDomainDay.bind(domain.asString(), day, cutoff, limit - entries.size())))
                .map(row -> entry(row, Username.of(row.getString(ACCOUNT))))
                .forEach(entries::add);
        }
        return entries;
    }

    @Override
    public void deleteUser(Username account) {
        account.getDomainPart().ifPresent(domain -> daysNewestFirst().forEach(day ->
            rows(session.execute(selectAllOfDomainDay.bind(domain.asString(), day)))
                .filter(row -> account.asString().equals(row.getString(ACCOUNT)))
                .forEach(row -> session.execute(deleteDomainRow.bind(domain.asString(), day, row.getInstant(TIME), row.getString(ID))))));
        session.execute(deleteAccount.bind(account.asString()));
    }

    @Override
    public void deleteDomain(Domain domain) {
        daysNewestFirst().forEach(day -> {
            rows(session.execute(selectAllOfDomainDay.bind(domain.asString(), day)))
                .map(row -> row.getString(ACCOUNT))
                .distinct()
                .forEach(account -> session.execute(deleteAccount.bind(account)));
            session.execute(deleteDomainDay.bind(domain.asString(), day));
        });
    }

    @Override
    public int purgeExpired() {
        return 0;
    }

    /** The UTC days that can hold live entries, today first. */
    private List<LocalDate> daysNewestFirst() {
        LocalDate today = day(clock.instant());
        LocalDate first = day(cutoff());
        return Stream.iterate(today, day -> !day.isBefore(first), day -> day.minusDays(1)).toList();
    }

    private AccessEntry entry(Row row, Username account) {
        return new AccessEntry(row.getString(ID), row.getInstant(TIME), account, AccessType.valueOf(row.getString(TYPE)),
            row.getString(REMOTE_IP), Optional.ofNullable(row.getString(FAILURE)));
    }

    private static Stream<Row> rows(Iterable<Row> resultSet) {
        return StreamSupport.stream(resultSet.spliterator(), false);
    }

    private Instant cutoff() {
        return clock.instant().minus(configuration.retention());
    }

    private int remainingSeconds(Instant time) {
        Duration remaining = Duration.between(clock.instant(), time.plus(configuration.retention()));
        return (int) (remaining.toSeconds() + (remaining.toNanosPart() > 0 ? 1 : 0));
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
