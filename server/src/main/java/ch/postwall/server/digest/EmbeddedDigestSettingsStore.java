package ch.postwall.server.digest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import ch.postwall.mailbox.embedded.EmbeddedDatabase;

/** Digest settings in the embedded Derby database, one row per user who changed or received anything. */
public class EmbeddedDigestSettingsStore implements DigestSettingsStore {
    private final EmbeddedDatabase database;

    @Inject
    public EmbeddedDigestSettingsStore(EmbeddedDatabase database) {
        this.database = database;
        database.createIfMissing(
            "CREATE TABLE digest_settings ("
                + "username VARCHAR(320) NOT NULL PRIMARY KEY, "
                + "domain VARCHAR(255), "
                + "opted_out BOOLEAN NOT NULL, "
                + "last_digest TIMESTAMP)",
            "CREATE INDEX digest_settings_domain ON digest_settings (domain)");
    }

    @Override
    public DigestSettings settings(Username user) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                "SELECT opted_out, last_digest FROM digest_settings WHERE username = ?")) {
                select.setString(1, user.asString());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return DigestSettings.DEFAULT;
                    }
                    return new DigestSettings(row.getBoolean("opted_out"),
                        Optional.ofNullable(row.getTimestamp("last_digest")).map(Timestamp::toInstant));
                }
            }
        });
    }

    @Override
    public void setOptedOut(Username user, boolean optedOut) {
        update(user, "opted_out", optedOut);
    }

    @Override
    public void recordDigest(Username user, Instant madeAt) {
        update(user, "last_digest", Timestamp.from(madeAt));
    }

    /** Sets one column of the user's row, created with the defaults first when missing, in one transaction. */
    private void update(Username user, String column, Object value) {
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO digest_settings (username, domain, opted_out) "
                     + "SELECT ?, ?, FALSE FROM SYSIBM.SYSDUMMY1 WHERE NOT EXISTS (SELECT 1 FROM digest_settings WHERE username = ?)");
                 PreparedStatement update = connection.prepareStatement("UPDATE digest_settings SET " + column + " = ? WHERE username = ?")) {
                insert.setString(1, user.asString());
                insert.setString(2, user.getDomainPart().map(Domain::asString).orElse(null));
                insert.setString(3, user.asString());
                insert.executeUpdate();
                update.setObject(1, value);
                update.setString(2, user.asString());
                return update.executeUpdate();
            }
        });
    }

    @Override
    public void deleteUser(Username user) {
        delete("username", user.asString());
    }

    @Override
    public int deleteDomain(Domain domain) {
        return delete("domain", domain.asString());
    }

    private int delete(String column, String value) {
        return database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM digest_settings WHERE " + column + " = ?")) {
                delete.setString(1, value);
                return delete.executeUpdate();
            }
        });
    }
}
