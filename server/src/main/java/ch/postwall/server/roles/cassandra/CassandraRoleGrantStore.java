package ch.postwall.server.roles.cassandra;

import static ch.postwall.server.roles.cassandra.CassandraRoleGrantTables.ADMIN_BY_DOMAIN;
import static ch.postwall.server.roles.cassandra.CassandraRoleGrantTables.ADMIN_BY_USER;
import static ch.postwall.server.roles.cassandra.CassandraRoleGrantTables.DOMAIN;
import static ch.postwall.server.roles.cassandra.CassandraRoleGrantTables.GRANTED_AT;
import static ch.postwall.server.roles.cassandra.CassandraRoleGrantTables.GRANTED_BY;
import static ch.postwall.server.roles.cassandra.CassandraRoleGrantTables.LOGIN;
import static ch.postwall.server.roles.cassandra.CassandraRoleGrantTables.PASSWORD_HASH;
import static ch.postwall.server.roles.cassandra.CassandraRoleGrantTables.ROLE;
import static ch.postwall.server.roles.cassandra.CassandraRoleGrantTables.STAFF;
import static ch.postwall.server.roles.cassandra.CassandraRoleGrantTables.SUPPORT;
import static ch.postwall.server.roles.cassandra.CassandraRoleGrantTables.SUPPORT_BY_GRANTOR;
import static ch.postwall.server.roles.cassandra.CassandraRoleGrantTables.UNTIL;
import static ch.postwall.server.roles.cassandra.CassandraRoleGrantTables.USERNAME;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import ch.postwall.server.roles.RoleGrantStore;
import ch.postwall.server.roles.StaffAccount;
import ch.postwall.server.roles.StaffRole;
import ch.postwall.server.roles.SupportGrant;

/**
 * Role grants on Cassandra. Support grants carry a TTL until their end; reads also check the end
 * against the clock, and {@link #purgeExpired()} deletes what the clock says has ended.
 */
public class CassandraRoleGrantStore implements RoleGrantStore {
    private final CqlSession session;
    private final Clock clock;
    private final PreparedStatement insertStaff;
    private final PreparedStatement selectStaff;
    private final PreparedStatement selectAllStaff;
    private final PreparedStatement deleteStaff;
    private final PreparedStatement insertAdminByUser;
    private final PreparedStatement insertAdminByDomain;
    private final PreparedStatement deleteAdminByUser;
    private final PreparedStatement deleteAdminByDomain;
    private final PreparedStatement selectDomainsOfAdmin;
    private final PreparedStatement selectAdminsOfDomain;
    private final PreparedStatement insertSupport;
    private final PreparedStatement insertSupportByGrantor;
    private final PreparedStatement selectSupport;
    private final PreparedStatement selectAllSupport;
    private final PreparedStatement deleteSupport;
    private final PreparedStatement deleteSupportByGrantor;
    private final PreparedStatement selectSupportByGrantor;

    @Inject
    public CassandraRoleGrantStore(CqlSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
        this.insertStaff = session.prepare("INSERT INTO " + STAFF + " (" + LOGIN + ", " + ROLE + ", " + PASSWORD_HASH
            + ") VALUES (?, ?, ?)");
        this.selectStaff = session.prepare("SELECT * FROM " + STAFF + " WHERE " + LOGIN + " = ?");
        this.selectAllStaff = session.prepare("SELECT * FROM " + STAFF);
        this.deleteStaff = session.prepare("DELETE FROM " + STAFF + " WHERE " + LOGIN + " = ?");
        this.insertAdminByUser = session.prepare("INSERT INTO " + ADMIN_BY_USER + " (" + USERNAME + ", " + DOMAIN + ") VALUES (?, ?)");
        this.insertAdminByDomain = session.prepare("INSERT INTO " + ADMIN_BY_DOMAIN + " (" + DOMAIN + ", " + USERNAME + ") VALUES (?, ?)");
        this.deleteAdminByUser = session.prepare("DELETE FROM " + ADMIN_BY_USER + " WHERE " + USERNAME + " = ? AND " + DOMAIN + " = ?");
        this.deleteAdminByDomain = session.prepare("DELETE FROM " + ADMIN_BY_DOMAIN + " WHERE " + DOMAIN + " = ? AND " + USERNAME + " = ?");
        this.selectDomainsOfAdmin = session.prepare("SELECT " + DOMAIN + " FROM " + ADMIN_BY_USER + " WHERE " + USERNAME + " = ?");
        this.selectAdminsOfDomain = session.prepare("SELECT " + USERNAME + " FROM " + ADMIN_BY_DOMAIN + " WHERE " + DOMAIN + " = ?");
        this.insertSupport = session.prepare("INSERT INTO " + SUPPORT + " (" + DOMAIN + ", " + GRANTED_BY + ", " + GRANTED_AT
            + ", " + UNTIL + ") VALUES (?, ?, ?, ?) USING TTL ?");
        this.insertSupportByGrantor = session.prepare("INSERT INTO " + SUPPORT_BY_GRANTOR + " (" + GRANTED_BY + ", " + DOMAIN
            + ") VALUES (?, ?) USING TTL ?");
        this.selectSupport = session.prepare("SELECT * FROM " + SUPPORT + " WHERE " + DOMAIN + " = ?");
        this.selectAllSupport = session.prepare("SELECT * FROM " + SUPPORT);
        this.deleteSupport = session.prepare("DELETE FROM " + SUPPORT + " WHERE " + DOMAIN + " = ?");
        this.deleteSupportByGrantor = session.prepare("DELETE FROM " + SUPPORT_BY_GRANTOR + " WHERE " + GRANTED_BY
            + " = ? AND " + DOMAIN + " = ?");
        this.selectSupportByGrantor = session.prepare("SELECT " + DOMAIN + " FROM " + SUPPORT_BY_GRANTOR + " WHERE "
            + GRANTED_BY + " = ?");
    }

    @Override
    public void putStaff(StaffAccount account) {
        session.execute(insertStaff.bind(account.login(), account.role().name(), account.passwordHash()));
    }

    @Override
    public Optional<StaffAccount> staff(String login) {
        return Optional.ofNullable(session.execute(selectStaff.bind(login)).one()).map(CassandraRoleGrantStore::staff);
    }

    @Override
    public List<StaffAccount> listStaff() {
        return rows(selectAllStaff.bind()).map(CassandraRoleGrantStore::staff)
            .sorted(Comparator.comparing(StaffAccount::login)).toList();
    }

    @Override
    public void removeStaff(String login) {
        session.execute(deleteStaff.bind(login));
    }

    @Override
    public void grantDomainAdmin(Username user, Domain domain) {
        session.execute(BatchStatement.newInstance(DefaultBatchType.LOGGED,
            insertAdminByUser.bind(user.asString(), domain.asString()),
            insertAdminByDomain.bind(domain.asString(), user.asString())));
    }

    @Override
    public void revokeDomainAdmin(Username user, Domain domain) {
        session.execute(BatchStatement.newInstance(DefaultBatchType.LOGGED,
            deleteAdminByUser.bind(user.asString(), domain.asString()),
            deleteAdminByDomain.bind(domain.asString(), user.asString())));
    }

    @Override
    public Set<Domain> administeredDomains(Username user) {
        return rows(selectDomainsOfAdmin.bind(user.asString())).map(row -> Domain.of(row.getString(DOMAIN)))
            .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Set<Username> domainAdmins(Domain domain) {
        return rows(selectAdminsOfDomain.bind(domain.asString())).map(row -> Username.of(row.getString(USERNAME)))
            .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void grantSupport(SupportGrant grant) {
        long ttl = Duration.between(clock.instant(), grant.until()).toSeconds();
        revokeSupport(grant.domain());
        if (ttl <= 0) {
            return;
        }
        int seconds = Math.toIntExact(ttl);
        session.execute(BatchStatement.newInstance(DefaultBatchType.LOGGED,
            insertSupport.bind(grant.domain().asString(), grant.grantedBy().asString(), grant.grantedAt(), grant.until(), seconds),
            insertSupportByGrantor.bind(grant.grantedBy().asString(), grant.domain().asString(), seconds)));
    }

    @Override
    public void revokeSupport(Domain domain) {
        loadSupport(domain).ifPresent(this::delete);
    }

    @Override
    public Optional<SupportGrant> supportGrant(Domain domain) {
        return loadSupport(domain).filter(grant -> grant.isValidAt(clock.instant()));
    }

    @Override
    public UserRoleGrants listByUser(Username user) {
        return new UserRoleGrants(administeredDomains(user), rows(selectSupportByGrantor.bind(user.asString()))
            .map(row -> Domain.of(row.getString(DOMAIN)))
            .map(this::supportGrant)
            .flatMap(Optional::stream)
            .filter(grant -> grant.grantedBy().equals(user))
            .sorted(Comparator.comparing(grant -> grant.domain().asString()))
            .toList());
    }

    @Override
    public void deleteUser(Username user) {
        administeredDomains(user).forEach(domain -> revokeDomainAdmin(user, domain));
    }

    @Override
    public void deleteDomain(Domain domain) {
        domainAdmins(domain).forEach(user -> revokeDomainAdmin(user, domain));
        revokeSupport(domain);
    }

    @Override
    public int purgeExpired() {
        List<SupportGrant> expired = rows(selectAllSupport.bind()).map(CassandraRoleGrantStore::supportGrant)
            .filter(grant -> !grant.isValidAt(clock.instant()))
            .toList();
        expired.forEach(this::delete);
        return expired.size();
    }

    private Optional<SupportGrant> loadSupport(Domain domain) {
        return Optional.ofNullable(session.execute(selectSupport.bind(domain.asString())).one())
            .map(CassandraRoleGrantStore::supportGrant);
    }

    private void delete(SupportGrant grant) {
        session.execute(BatchStatement.newInstance(DefaultBatchType.LOGGED,
            deleteSupport.bind(grant.domain().asString()),
            deleteSupportByGrantor.bind(grant.grantedBy().asString(), grant.domain().asString())));
    }

    private Stream<Row> rows(BoundStatement statement) {
        return StreamSupport.stream(session.execute(statement).spliterator(), false);
    }

    private static StaffAccount staff(Row row) {
        return new StaffAccount(row.getString(LOGIN), StaffRole.valueOf(row.getString(ROLE)), row.getString(PASSWORD_HASH));
    }

    private static SupportGrant supportGrant(Row row) {
        return new SupportGrant(Domain.of(row.getString(DOMAIN)), Username.of(row.getString(GRANTED_BY)),
            row.getInstant(GRANTED_AT), row.getInstant(UNTIL));
    }
}
