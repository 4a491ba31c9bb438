package ch.postwall.retention.policy.cassandra;

import static ch.postwall.retention.policy.cassandra.CassandraRetentionPolicyTables.CALENDAR_MAX;
import static ch.postwall.retention.policy.cassandra.CassandraRetentionPolicyTables.CALENDAR_MIN;
import static ch.postwall.retention.policy.cassandra.CassandraRetentionPolicyTables.CHOICES;
import static ch.postwall.retention.policy.cassandra.CassandraRetentionPolicyTables.CONTAINER;
import static ch.postwall.retention.policy.cassandra.CassandraRetentionPolicyTables.DOMAIN;
import static ch.postwall.retention.policy.cassandra.CassandraRetentionPolicyTables.KIND;
import static ch.postwall.retention.policy.cassandra.CassandraRetentionPolicyTables.LIMITS;
import static ch.postwall.retention.policy.cassandra.CassandraRetentionPolicyTables.MAIL_MAX;
import static ch.postwall.retention.policy.cassandra.CassandraRetentionPolicyTables.MAIL_MIN;
import static ch.postwall.retention.policy.cassandra.CassandraRetentionPolicyTables.PERIOD;
import static ch.postwall.retention.policy.cassandra.CassandraRetentionPolicyTables.USER;
import static ch.postwall.retention.policy.cassandra.CassandraRetentionPolicyTables.USERS_BY_DOMAIN;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import ch.postwall.retention.policy.ContainerKind;
import ch.postwall.retention.policy.DomainRetentionLimits;
import ch.postwall.retention.policy.RetentionChoice;
import ch.postwall.retention.policy.RetentionLimits;
import ch.postwall.retention.policy.RetentionPolicyStore;

public class CassandraRetentionPolicyStore implements RetentionPolicyStore {
    private final CqlSession session;
    private final PreparedStatement insertLimits;
    private final PreparedStatement selectLimits;
    private final PreparedStatement deleteLimits;
    private final PreparedStatement insertChoice;
    private final PreparedStatement deleteChoice;
    private final PreparedStatement selectChoices;
    private final PreparedStatement deleteChoices;
    private final PreparedStatement insertDomainUser;
    private final PreparedStatement selectDomainUsers;
    private final PreparedStatement deleteDomainUsers;
    private final PreparedStatement deleteDomainUser;

    @Inject
    public CassandraRetentionPolicyStore(CqlSession session) {
        this.session = session;
        this.insertLimits = session.prepare("INSERT INTO " + LIMITS + " (" + String.join(", ", DOMAIN, MAIL_MIN, MAIL_MAX,
            CALENDAR_MIN, CALENDAR_MAX) + ") VALUES (?, ?, ?, ?, ?)");
        this.selectLimits = session.prepare("SELECT * FROM " + LIMITS + " WHERE " + DOMAIN + " = ?");
        this.deleteLimits = session.prepare("DELETE FROM " + LIMITS + " WHERE " + DOMAIN + " = ?");
        this.insertChoice = session.prepare("INSERT INTO " + CHOICES + " (" + String.join(", ", USER, KIND, CONTAINER, PERIOD)
            + ") VALUES (?, ?, ?, ?)");
        this.deleteChoice = session.prepare("DELETE FROM " + CHOICES + " WHERE " + USER + " = ? AND " + KIND + " = ? AND "
            + CONTAINER + " = ?");
        this.selectChoices = session.prepare("SELECT * FROM " + CHOICES + " WHERE " + USER + " = ?");
        this.deleteChoices = session.prepare("DELETE FROM " + CHOICES + " WHERE " + USER + " = ?");
        this.insertDomainUser = session.prepare("INSERT INTO " + USERS_BY_DOMAIN + " (" + DOMAIN + ", " + USER + ") VALUES (?, ?)");
        this.selectDomainUsers = session.prepare("SELECT " + USER + " FROM " + USERS_BY_DOMAIN + " WHERE " + DOMAIN + " = ?");
        this.deleteDomainUsers = session.prepare("DELETE FROM " + USERS_BY_DOMAIN + " WHERE " + DOMAIN + " = ?");
        this.deleteDomainUser = session.prepare("DELETE FROM " + USERS_BY_DOMAIN + " WHERE " + DOMAIN + " = ? AND " + USER + " = ?");
    }

    @Override
    public void setLimits(Domain domain, DomainRetentionLimits limits) {
        session.execute(insertLimits.bind(domain.asString(), seconds(limits.mail().minimum()), seconds(limits.mail().maximum()),
            seconds(limits.calendar().minimum()), seconds(limits.calendar().maximum())));
    }

    @Override
    public DomainRetentionLimits limits(Domain domain) {
        return Optional.ofNullable(session.execute(selectLimits.bind(domain.asString())).one())
            .map(row -> new DomainRetentionLimits(
                new RetentionLimits(period(row, MAIL_MIN), period(row, MAIL_MAX)),
                new RetentionLimits(period(row, CALENDAR_MIN), period(row, CALENDAR_MAX))))
            .orElse(DomainRetentionLimits.NONE);
    }

    @Override
    public void choose(Username user, RetentionChoice choice) {
        user.getDomainPart().map(this::limits).orElse(DomainRetentionLimits.NONE).check(choice);
        // The domain index first: a crash between the writes leaves an index entry, never an unreachable choice.
        user.getDomainPart().ifPresent(domain -> session.execute(insertDomainUser.bind(domain.asString(), user.asString())));
        session.execute(insertChoice.bind(user.asString(), choice.kind().name(), choice.container(), seconds(choice.period())));
    }

    @Override
    public void removeChoice(Username user, ContainerKind kind, String container) {
        session.execute(deleteChoice.bind(user.asString(), kind.name(), container));
    }

    @Override
    public List<RetentionChoice> choices(Username user) {
        return StreamSupport.stream(session.execute(selectChoices.bind(user.asString())).spliterator(), false)
            .map(row -> new RetentionChoice(ContainerKind.valueOf(row.getString(KIND)), row.getString(CONTAINER),
                period(row, PERIOD)))
            .sorted(RetentionChoice.ORDER)
            .toList();
    }

    @Override
    public void deleteUser(Username user) {
        session.execute(deleteChoices.bind(user.asString()));
        user.getDomainPart().ifPresent(domain -> session.execute(deleteDomainUser.bind(domain.asString(), user.asString())));
    }

    @Override
    public void deleteDomain(Domain domain) {
        session.execute(selectDomainUsers.bind(domain.asString()))
            .forEach(row -> session.execute(deleteChoices.bind(row.getString(USER))));
        session.execute(deleteDomainUsers.bind(domain.asString()));
        session.execute(deleteLimits.bind(domain.asString()));
    }

    private static Long seconds(Optional<Duration> period) {
        return period.map(Duration::toSeconds).orElse(null);
    }

    private static Optional<Duration> period(Row row, String column) {
        return row.isNull(column) ? Optional.empty() : Optional.of(Duration.ofSeconds(row.getLong(column)));
    }
}
