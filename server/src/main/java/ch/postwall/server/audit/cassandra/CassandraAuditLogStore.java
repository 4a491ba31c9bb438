package ch.postwall.server.audit.cassandra;

import static ch.postwall.server.audit.cassandra.CassandraAuditLogTables.ACTION;
import static ch.postwall.server.audit.cassandra.CassandraAuditLogTables.BY_TENANT;
import static ch.postwall.server.audit.cassandra.CassandraAuditLogTables.ID;
import static ch.postwall.server.audit.cassandra.CassandraAuditLogTables.OWNER;
import static ch.postwall.server.audit.cassandra.CassandraAuditLogTables.PRINCIPAL;
import static ch.postwall.server.audit.cassandra.CassandraAuditLogTables.TARGET;
import static ch.postwall.server.audit.cassandra.CassandraAuditLogTables.TENANT;
import static ch.postwall.server.audit.cassandra.CassandraAuditLogTables.TIME;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import ch.postwall.retention.access.AccessLogConfiguration;
import ch.postwall.server.audit.AuditEntry;
import ch.postwall.server.audit.AuditLogStore;

/**
 * The audit log on Cassandra. Rows expire by TTL (the entry's remaining retention), so
 * {@link #purgeExpired()} has nothing to delete; reads also check the retention against the clock.
 * A user's entries are found in their domain's partition.
 */
public class CassandraAuditLogStore implements AuditLogStore {
    /** Partition of platform-wide data: Cassandra refuses an empty key, and no domain is named "*". */
    private static final String PLATFORM = "*";

    private final CqlSession session;
    private final Clock clock;
    private final AccessLogConfiguration configuration;
    private final PreparedStatement insert;
    private final PreparedStatement selectLive;
    private final PreparedStatement selectAll;
    private final PreparedStatement deleteRow;
    private final PreparedStatement deleteTenant;

    @Inject
    public CassandraAuditLogStore(CqlSession session, Clock clock, AccessLogConfiguration configuration) {
        this.session = session;
        this.clock = clock;
        this.configuration = configuration;
        this.insert = session.prepare("INSERT INTO " + BY_TENANT + " (" + String.join(", ", TENANT, TIME, ID, PRINCIPAL, ACTION,
            TARGET, OWNER) + ") VALUES (?, ?, ?, ?, ?, ?, ?) USING TTL ?");
        this.selectLive = session.prepare("SELECT * FROM " + BY_TENANT + " WHERE " + TENANT + " = ? AND " + TIME + " > ?");
        this.selectAll = session.prepare("SELECT * FROM " + BY_TENANT + " WHERE " + TENANT + " = ?");
        this.deleteRow = session.prepare("DELETE FROM " + BY_TENANT + " WHERE " + TENANT + " = ? AND " + TIME + " = ? AND "
            + ID + " = ?");
        this.deleteTenant = session.prepare("DELETE FROM " + BY_TENANT + " WHERE " + TENANT + " = ?");
    }

    @Override
    public void append(AuditEntry entry) {
        Duration remaining = Duration.between(clock.instant(), entry.time().plus(configuration.retention()));
        int ttl = (int) (remaining.toSeconds() + (remaining.toNanosPart() > 0 ? 1 : 0));
        if (ttl > 0) {
            session.execute(insert.bind(tenant(entry.tenant()), entry.time(), entry.id(), entry.principal(), entry.action(),
                entry.target(), entry.owner().map(Username::asString).orElse(null), ttl));
        }
    }

    @Override
    public List<AuditEntry> listByUser(Username user, int limit) {
        return live(user.getDomainPart()).filter(entry -> entry.concerns(user)).limit(limit).toList();
    }

    @Override
    public List<AuditEntry> listByDomain(Domain domain, int limit) {
        return live(Optional.of(domain)).limit(limit).toList();
    }

    @Override
    public List<AuditEntry> listPlatformWide(int limit) {
        return live(Optional.empty()).limit(limit).toList();
    }

    @Override
    public void deleteUser(Username user) {
        String tenant = tenant(user.getDomainPart());
        rows(session.execute(selectAll.bind(tenant)))
            .filter(row -> entry(row).concerns(user))
            .forEach(row -> session.execute(deleteRow.bind(tenant, row.getInstant(TIME), row.getString(ID))));
    }

    @Override
    public void deleteDomain(Domain domain) {
        session.execute(deleteTenant.bind(domain.asString()));
    }

    @Override
    public int purgeExpired() {
        return 0;
    }

    private Stream<AuditEntry> live(Optional<Domain> tenant) {
        return rows(session.execute(selectLive.bind(tenant(tenant), clock.instant().minus(configuration.retention()))))
            .map(CassandraAuditLogStore::entry);
    }

    private static AuditEntry entry(Row row) {
        return new AuditEntry(row.getString(ID), row.getInstant(TIME), row.getString(PRINCIPAL), row.getString(ACTION),
            row.getString(TARGET), Optional.ofNullable(row.getString(OWNER)).map(Username::of));
    }

    private static String tenant(Optional<Domain> tenant) {
        return tenant.map(Domain::asString).orElse(PLATFORM);
    }

    private static Stream<Row> rows(Iterable<Row> resultSet) {
        return StreamSupport.stream(resultSet.spliterator(), false);
    }
}
