package ch.postwall.filter.policy;

import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.bindMarker;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.deleteFrom;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.insertInto;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.selectFrom;
import static ch.postwall.filter.policy.CassandraDomainPolicyTable.DOMAIN;
import static ch.postwall.filter.policy.CassandraDomainPolicyTable.POLICY;
import static ch.postwall.filter.policy.CassandraDomainPolicyTable.TABLE_NAME;
import static ch.postwall.filter.policy.CassandraDomainPolicyTable.USERNAME;

import java.util.Optional;

import javax.inject.Inject;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

/** Policies in Cassandra (schema in {@link CassandraDomainPolicyTable}), the policy as JSON. */
public class CassandraDomainPolicyStore extends ScopedDomainPolicyStore {
    private final CqlSession session;
    private final PreparedStatement select;
    private final PreparedStatement insert;
    private final PreparedStatement delete;
    private final PreparedStatement deletePartition;
    private final PreparedStatement countPartition;

    @Inject
    public CassandraDomainPolicyStore(CqlSession session) {
        this.session = session;
        this.select = session.prepare(selectFrom(TABLE_NAME).column(POLICY)
            .whereColumn(DOMAIN).isEqualTo(bindMarker(DOMAIN))
            .whereColumn(USERNAME).isEqualTo(bindMarker(USERNAME))
            .build());
        this.insert = session.prepare(insertInto(TABLE_NAME)
            .value(DOMAIN, bindMarker(DOMAIN))
            .value(USERNAME, bindMarker(USERNAME))
            .value(POLICY, bindMarker(POLICY))
            .build());
        this.delete = session.prepare(deleteFrom(TABLE_NAME)
            .whereColumn(DOMAIN).isEqualTo(bindMarker(DOMAIN))
            .whereColumn(USERNAME).isEqualTo(bindMarker(USERNAME))
            .build());
        this.deletePartition = session.prepare(deleteFrom(TABLE_NAME)
            .whereColumn(DOMAIN).isEqualTo(bindMarker(DOMAIN))
            .build());
        this.countPartition = session.prepare(selectFrom(TABLE_NAME).countAll()
            .whereColumn(DOMAIN).isEqualTo(bindMarker(DOMAIN))
            .build());
    }

    @Override
    protected Optional<DomainPolicy> read(PolicyScope scope) {
        Row row = session.execute(select.bind()
            .setString(DOMAIN, scope.domain())
            .setString(USERNAME, scope.user())).one();
        return Optional.ofNullable(row).map(found -> DomainPolicyJson.fromJson(found.getString(POLICY)));
    }

    @Override
    protected void write(PolicyScope scope, DomainPolicy policy) {
        session.execute(insert.bind()
            .setString(DOMAIN, scope.domain())
            .setString(USERNAME, scope.user())
            .setString(POLICY, DomainPolicyJson.toJson(policy)));
    }

    @Override
    protected void delete(PolicyScope scope) {
        session.execute(delete.bind()
            .setString(DOMAIN, scope.domain())
            .setString(USERNAME, scope.user()));
    }

    @Override
    protected long deleteAllOfDomain(String domain) {
        long count = session.execute(countPartition.bind().setString(DOMAIN, domain)).one().getLong(0);
        session.execute(deletePartition.bind().setString(DOMAIN, domain));
        return count;
    }
}
