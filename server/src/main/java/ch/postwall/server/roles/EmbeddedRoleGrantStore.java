package ch.postwall.server.roles;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import ch.postwall.mailbox.embedded.EmbeddedDatabase;

/** Role grants in the embedded Derby database. */
public class EmbeddedRoleGrantStore implements RoleGrantStore {
    /** Reads one row of a result set. */
    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet resultSet) throws SQLException;
    }

    private final EmbeddedDatabase database;
    private final Clock clock;

    @Inject
    public EmbeddedRoleGrantStore(EmbeddedDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
        database.createIfMissing(
            "CREATE TABLE role_staff (login VARCHAR(64) NOT NULL PRIMARY KEY, role VARCHAR(32) NOT NULL, "
                + "password_hash VARCHAR(255) NOT NULL)",
            "CREATE TABLE role_domain_admin (username VARCHAR(320) NOT NULL, domain VARCHAR(255) NOT NULL, "
                + "PRIMARY KEY (username, domain))",
            "CREATE INDEX role_domain_admin_domain ON role_domain_admin (domain)",
            "CREATE TABLE role_support_grant (domain VARCHAR(255) NOT NULL PRIMARY KEY, granted_by VARCHAR(320) NOT NULL, "
                + "granted_at TIMESTAMP NOT NULL, until_time TIMESTAMP NOT NULL)",
            "CREATE INDEX role_support_grant_by ON role_support_grant (granted_by)");
    }

    @Override
    public void putStaff(StaffAccount account) {
        database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM role_staff WHERE login = ?");
                 PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO role_staff (login, role, password_hash) VALUES (?, ?, ?)")) {
                bind(delete, account.login());
                delete.executeUpdate();
                bind(insert, account.login(), account.role().name(), account.passwordHash());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<StaffAccount> staff(String login) {
        return query("SELECT login, role, password_hash FROM role_staff WHERE login = ?", EmbeddedRoleGrantStore::staff, login)
            .stream().findFirst();
    }

    @Override
    public List<StaffAccount> listStaff() {
        return query("SELECT login, role, password_hash FROM role_staff ORDER BY login", EmbeddedRoleGrantStore::staff);
    }

    @Override
    public void removeStaff(String login) {
        update("DELETE FROM role_staff WHERE login = ?", login);
    }

    @Override
    public void grantDomainAdmin(Username user, Domain domain) {
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO role_domain_admin (username, domain) "
                + "SELECT ?, ? FROM SYSIBM.SYSDUMMY1 WHERE NOT EXISTS (SELECT 1 FROM role_domain_admin WHERE username = ? AND domain = ?)")) {
                insert.setString(1, user.asString());
                insert.setString(2, domain.asString());
                insert.setString(3, user.asString());
                insert.setString(4, domain.asString());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public void revokeDomainAdmin(Username user, Domain domain) {
        update("DELETE FROM role_domain_admin WHERE username = ? AND domain = ?", user.asString(), domain.asString());
    }

    @Override
    public Set<Domain> administeredDomains(Username user) {
        return Set.copyOf(query("SELECT domain FROM role_domain_admin WHERE username = ?",
            resultSet -> Domain.of(resultSet.getString(1)), user.asString()));
    }

    @Override
    public Set<Username> domainAdmins(Domain domain) {
        return Set.copyOf(query("SELECT username FROM role_domain_admin WHERE domain = ?",
            resultSet -> Username.of(resultSet.getString(1)), domain.asString()));
    }

    @Override
    public void grantSupport(SupportGrant grant) {
        revokeSupport(grant.domain());
        update("INSERT INTO role_support_grant (domain, granted_by, granted_at, until_time) VALUES (?, ?, ?, ?)",
            grant.domain().asString(), grant.grantedBy().asString(), Timestamp.from(grant.grantedAt()),
            Timestamp.from(grant.until()));
    }

    @Override
    public void revokeSupport(Domain domain) {
        update("DELETE FROM role_support_grant WHERE domain = ?", domain.asString());
    }

    @Override
    public Optional<SupportGrant> supportGrant(Domain domain) {
        return query("SELECT domain, granted_by, granted_at, until_time FROM role_support_grant WHERE domain = ? AND until_time > ?",
            EmbeddedRoleGrantStore::supportGrant, domain.asString(), now()).stream().findFirst();
    }

    @Override
    public UserRoleGrants listByUser(Username user) {
        return new UserRoleGrants(administeredDomains(user), query("SELECT domain, granted_by, granted_at, until_time "
                + "FROM role_support_grant WHERE granted_by = ? AND until_time > ? ORDER BY domain",
            EmbeddedRoleGrantStore::supportGrant, user.asString(), now()));
    }

    @Override
    public void deleteUser(Username user) {
        update("DELETE FROM role_domain_admin WHERE username = ?", user.asString());
    }

    @Override
    public void deleteDomain(Domain domain) {
        update("DELETE FROM role_domain_admin WHERE domain = ?", domain.asString());
        revokeSupport(domain);
    }

    @Override
    public int purgeExpired() {
        return update("DELETE FROM role_support_grant WHERE until_time <= ?", now());
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static StaffAccount staff(ResultSet resultSet) throws SQLException {
        return new StaffAccount(resultSet.getString("login"), StaffRole.valueOf(resultSet.getString("role")),
            resultSet.getString("password_hash"));
    }

    private static SupportGrant supportGrant(ResultSet resultSet) throws SQLException {
        return new SupportGrant(Domain.of(resultSet.getString("domain")), Username.of(resultSet.getString("granted_by")),
            resultSet.getTimestamp("granted_at").toInstant(), resultSet.getTimestamp("until_time").toInstant());
    }

    private int update(String sql, Object... parameters) {
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                return statement.executeUpdate();
            }
        });
    }

    private <T> List<T> query(String sql, RowReader<T> reader, Object... parameters) {
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                List<T> rows = new ArrayList<>();
                try (ResultSet resultSet = statement.executeQuery()) {
                    while (resultSet.next()) {
                        rows.add(reader.read(resultSet));
                    }
                }
                return rows;
            }
        });
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int index = 0; index < parameters.length; index++) {
            statement.setObject(index + 1, parameters[index]);
        }
    }
}
