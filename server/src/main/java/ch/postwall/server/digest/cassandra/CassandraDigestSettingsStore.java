package ch.postwall.server.digest.cassandra;

import static ch.postwall.server.digest.cassandra.CassandraDigestSettingsTable.DOMAIN;
import static ch.postwall.server.digest.cassandra.CassandraDigestSettingsTable.LAST_DIGEST;
import static ch.postwall.server.digest.cassandra.CassandraDigestSettingsTable.OPTED_OUT;
import static ch.postwall.server.digest.cassandra.CassandraDigestSettingsTable.TABLE;
import static ch.postwall.server.digest.cassandra.CassandraDigestSettingsTable.USER;

import java.time.Instant;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import ch.postwall.server.digest.DigestSettings;
import ch.postwall.server.digest.DigestSettingsStore;

/** Digest settings on Cassandra; each write sets one column, so an opt-out and a digest never overwrite each other. */
public class CassandraDigestSettingsStore implements DigestSettingsStore {
    /** Partition of users without a domain part: Cassandra refuses an empty key, and no domain is named "*". */
    private static final String NO_DOMAIN = "*";

    private final CqlSession session;
    private final PreparedStatement select;
    private final PreparedStatement setOptedOut;
    private final PreparedStatement setLastDigest;
    private final PreparedStatement deleteUser;
    private final PreparedStatement deleteDomain;
    private final PreparedStatement selectDomain;

    @Inject
    public CassandraDigestSettingsStore(CqlSession session) {
        this.session = session;
        this.select = session.prepare("SELECT " + OPTED_OUT + ", " + LAST_DIGEST + " FROM " + TABLE + " WHERE " + DOMAIN + " = ? AND "
            + USER + " = ?");
        this.setOptedOut = session.prepare("UPDATE " + TABLE + " SET " + OPTED_OUT + " = ? WHERE " + DOMAIN + " = ? AND " + USER + " = ?");
        this.setLastDigest = session.prepare("UPDATE " + TABLE + " SET " + LAST_DIGEST + " = ? WHERE " + DOMAIN + " = ? AND " + USER + " = ?");
        this.deleteUser = session.prepare("DELETE FROM " + TABLE + " WHERE " + DOMAIN + " = ? AND " + USER + " = ?");
        this.deleteDomain = session.prepare("DELETE FROM " + TABLE + " WHERE " + DOMAIN + " = ?");
        this.selectDomain = session.prepare("SELECT " + USER + " FROM " + TABLE + " WHERE " + DOMAIN + " = ?");
    }

    @Override
    public DigestSettings settings(Username user) {
        Row row = session.execute(select.bind(domain(user), user.asString())).one();
        if (row == null) {
            return DigestSettings.DEFAULT;
        }
        return new DigestSettings(!row.isNull(OPTED_OUT) && row.getBoolean(OPTED_OUT), Optional.ofNullable(row.getInstant(LAST_DIGEST)));
    }

    @Override
    public void setOptedOut(Username user, boolean optedOut) {
        session.execute(setOptedOut.bind(optedOut, domain(user), user.asString()));
    }

    @Override
    public void recordDigest(Username user, Instant madeAt) {
        session.execute(setLastDigest.bind(madeAt, domain(user), user.asString()));
    }

    @Override
    public void deleteUser(Username user) {
        session.execute(deleteUser.bind(domain(user), user.asString()));
    }

    @Override
    public int deleteDomain(Domain domain) {
        int users = session.execute(selectDomain.bind(domain.asString())).all().size();
        session.execute(deleteDomain.bind(domain.asString()));
        return users;
    }

    private static String domain(Username user) {
        return user.getDomainPart().map(Domain::asString).orElse(NO_DOMAIN);
    }
}
