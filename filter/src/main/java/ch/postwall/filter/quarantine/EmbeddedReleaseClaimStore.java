package ch.postwall.filter.quarantine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import javax.inject.Inject;

import ch.postwall.mailbox.embedded.EmbeddedDatabase;

/** Release claims in the embedded Derby database: the primary key lets one insert win. */
public class EmbeddedReleaseClaimStore implements ReleaseClaimStore {
    /** Derby's SQLState for a duplicate key. */
    private static final String DUPLICATE_KEY = "23505";

    private final EmbeddedDatabase database;
    private final Clock clock;

    @Inject
    public EmbeddedReleaseClaimStore(EmbeddedDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
        database.createIfMissing("CREATE TABLE release_claims (mail VARCHAR(1000) NOT NULL PRIMARY KEY, claimed_at TIMESTAMP NOT NULL)");
    }

    @Override
    public boolean claim(String mail) {
        Instant now = clock.instant();
        return database.inTransaction(connection -> {
            try (PreparedStatement takeOver = connection.prepareStatement(
                     "UPDATE release_claims SET claimed_at = ? WHERE mail = ? AND claimed_at <= ?");
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO release_claims (mail, claimed_at) VALUES (?, ?)")) {
                takeOver.setTimestamp(1, Timestamp.from(now));
                takeOver.setString(2, mail);
                takeOver.setTimestamp(3, Timestamp.from(now.minus(STALE_AFTER)));
                if (takeOver.executeUpdate() == 1) {
                    return true;
                }
                insert.setString(1, mail);
                insert.setTimestamp(2, Timestamp.from(now));
                try {
                    return insert.executeUpdate() == 1;
                } catch (SQLException e) {
                    if (DUPLICATE_KEY.equals(e.getSQLState())) {
                        return false;
                    }
                    throw e;
                }
            }
        });
    }

    @Override
    public void drop(String mail) {
        database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM release_claims WHERE mail = ?")) {
                delete.setString(1, mail);
                return delete.executeUpdate();
            }
        });
    }
}
