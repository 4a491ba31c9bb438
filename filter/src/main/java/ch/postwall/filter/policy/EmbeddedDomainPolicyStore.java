package ch.postwall.filter.policy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;

import javax.inject.Inject;

import ch.postwall.mailbox.embedded.EmbeddedDatabase;
import ch.postwall.mailbox.embedded.ForgettingCache;

/** Policies in embedded Derby: one row per domain or user, the policy as JSON. */
public class EmbeddedDomainPolicyStore extends ScopedDomainPolicyStore {
    private static final String DDL = "CREATE TABLE POSTWALL_FILTER_POLICY ("
        + "DOMAIN_NAME VARCHAR(255) NOT NULL, USERNAME VARCHAR(320) NOT NULL, POLICY CLOB NOT NULL, "
        + "PRIMARY KEY (DOMAIN_NAME, USERNAME))";

    private static final int SCOPES_REMEMBERED = 10_000;
    /** Bounds staleness should a change ever bypass this store (the embedded backend runs one server per database). */
    private static final Duration REMEMBERED_FOR = Duration.ofMinutes(1);

    private final EmbeddedDatabase database;
    /** Read for every mail (its recipient's user and domain), and rarely changed. */
    private final ForgettingCache<PolicyScope, Optional<DomainPolicy>> policies = new ForgettingCache<>(SCOPES_REMEMBERED, REMEMBERED_FOR);

    @Inject
    public EmbeddedDomainPolicyStore(EmbeddedDatabase database) {
        this.database = database;
        database.createIfMissing(DDL);
    }

    @Override
    protected Optional<DomainPolicy> read(PolicyScope scope) {
        return policies.getOrReadNow(scope, () -> readStored(scope));
    }

    private Optional<DomainPolicy> readStored(PolicyScope scope) {
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                "SELECT POLICY FROM POSTWALL_FILTER_POLICY WHERE DOMAIN_NAME = ? AND USERNAME = ?")) {
                statement.setString(1, scope.domain());
                statement.setString(2, scope.user());
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(DomainPolicyJson.fromJson(rows.getString(1))) : Optional.empty();
                }
            }
        });
    }

    @Override
    protected void write(PolicyScope scope, DomainPolicy policy) {
        String json = DomainPolicyJson.toJson(policy);
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                "UPDATE POSTWALL_FILTER_POLICY SET POLICY = ? WHERE DOMAIN_NAME = ? AND USERNAME = ?")) {
                update.setString(1, json);
                update.setString(2, scope.domain());
                update.setString(3, scope.user());
                if (update.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO POSTWALL_FILTER_POLICY (POLICY, DOMAIN_NAME, USERNAME) VALUES (?, ?, ?)")) {
                insert.setString(1, json);
                insert.setString(2, scope.domain());
                insert.setString(3, scope.user());
                insert.executeUpdate();
            }
            return null;
        });
        policies.forget(scope);
    }

    @Override
    protected void delete(PolicyScope scope) {
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM POSTWALL_FILTER_POLICY WHERE DOMAIN_NAME = ? AND USERNAME = ?")) {
                statement.setString(1, scope.domain());
                statement.setString(2, scope.user());
                return statement.executeUpdate();
            }
        });
        policies.forget(scope);
    }

    @Override
    protected long deleteAllOfDomain(String domain) {
        long deleted = database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("DELETE FROM POSTWALL_FILTER_POLICY WHERE DOMAIN_NAME = ?")) {
                statement.setString(1, domain);
                return (long) statement.executeUpdate();
            }
        });
        policies.forgetAll();
        return deleted;
    }
}
