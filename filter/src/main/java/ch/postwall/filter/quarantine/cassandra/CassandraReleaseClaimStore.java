package ch.postwall.filter.quarantine.cassandra;

import static ch.postwall.filter.quarantine.cassandra.CassandraReleaseClaimTable.CLAIMED_AT;
import static ch.postwall.filter.quarantine.cassandra.CassandraReleaseClaimTable.MAIL;
import static ch.postwall.filter.quarantine.cassandra.CassandraReleaseClaimTable.TABLE;

import java.time.Clock;
import java.time.Instant;

import javax.inject.Inject;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;

import ch.postwall.filter.quarantine.ReleaseClaimStore;

/**
 * Release claims on Cassandra with lightweight transactions (Paxos): of two nodes inserting the same claim,
 * one is applied. A TTL cleans up claims a crashed node left; the staleness check follows the clock.
 */
public class CassandraReleaseClaimStore implements ReleaseClaimStore {
    private static final int TTL_SECONDS = (int) STALE_AFTER.multipliedBy(6).toSeconds();

    private final CqlSession session;
    private final Clock clock;
    private final PreparedStatement insert;
    private final PreparedStatement takeOver;
    private final PreparedStatement delete;

    @Inject
    public CassandraReleaseClaimStore(CqlSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
        this.insert = session.prepare("INSERT INTO " + TABLE + " (" + MAIL + ", " + CLAIMED_AT + ") VALUES (?, ?) IF NOT EXISTS USING TTL "
            + TTL_SECONDS);
        this.takeOver = session.prepare("UPDATE " + TABLE + " USING TTL " + TTL_SECONDS + " SET " + CLAIMED_AT + " = ? WHERE "
            + MAIL + " = ? IF " + CLAIMED_AT + " <= ?");
        this.delete = session.prepare("DELETE FROM " + TABLE + " WHERE " + MAIL + " = ? IF EXISTS");
    }

    @Override
    public boolean claim(String mail) {
        Instant now = clock.instant();
        return session.execute(insert.bind(mail, now)).wasApplied()
            || session.execute(takeOver.bind(now, mail, now.minus(STALE_AFTER))).wasApplied();
    }

    @Override
    public void drop(String mail) {
        session.execute(delete.bind(mail));
    }
}
