package ch.postwall.filter.gateway.cassandra;

import static ch.postwall.filter.gateway.cassandra.CassandraGatewayRouteTable.DOMAIN;
import static ch.postwall.filter.gateway.cassandra.CassandraGatewayRouteTable.HOST;
import static ch.postwall.filter.gateway.cassandra.CassandraGatewayRouteTable.PORT;
import static ch.postwall.filter.gateway.cassandra.CassandraGatewayRouteTable.RETRY_PERIOD_MS;
import static ch.postwall.filter.gateway.cassandra.CassandraGatewayRouteTable.RETRY_SCHEDULE_MS;
import static ch.postwall.filter.gateway.cassandra.CassandraGatewayRouteTable.TABLE;
import static ch.postwall.filter.gateway.cassandra.CassandraGatewayRouteTable.TLS_POLICY;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import ch.postwall.filter.gateway.GatewayRoute;
import ch.postwall.filter.gateway.GatewayRouteStore;
import ch.postwall.filter.gateway.RetrySchedule;
import ch.postwall.filter.gateway.TlsPolicy;

public class CassandraGatewayRouteStore implements GatewayRouteStore {
    private static final String COLUMNS = String.join(", ", DOMAIN, HOST, PORT, TLS_POLICY, RETRY_PERIOD_MS, RETRY_SCHEDULE_MS);

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement select;
    private final PreparedStatement selectAll;
    private final PreparedStatement delete;

    @Inject
    public CassandraGatewayRouteStore(CqlSession session) {
        this.session = session;
        this.insert = session.prepare("INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)");
        this.select = session.prepare("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE " + DOMAIN + " = ?");
        // Gateway domains are few: listing them all is a small scan.
        this.selectAll = session.prepare("SELECT " + COLUMNS + " FROM " + TABLE);
        this.delete = session.prepare("DELETE FROM " + TABLE + " WHERE " + DOMAIN + " = ?");
    }

    @Override
    public void save(GatewayRoute route) {
        session.execute(insert.bind(route.domain().asString(), route.host(), route.port(), route.tlsPolicy().asString(),
            route.retryPeriod().toMillis(),
            route.retrySchedule().delays().stream().map(Duration::toMillis).collect(Collectors.toList())));
    }

    @Override
    public Optional<GatewayRoute> retrieve(Domain domain) {
        return Optional.ofNullable(session.execute(select.bind(domain.asString())).one()).map(CassandraGatewayRouteStore::toRoute);
    }

    @Override
    public List<GatewayRoute> list() {
        return StreamSupport.stream(session.execute(selectAll.bind()).spliterator(), false)
            .map(CassandraGatewayRouteStore::toRoute)
            .sorted(Comparator.comparing(route -> route.domain().asString()))
            .collect(Collectors.toList());
    }

    @Override
    public void delete(Domain domain) {
        session.execute(delete.bind(domain.asString()));
    }

    private static GatewayRoute toRoute(Row row) {
        return GatewayRoute.builder(Domain.of(row.getString(DOMAIN)), row.getString(HOST))
            .port(row.getInt(PORT))
            .tlsPolicy(TlsPolicy.parse(row.getString(TLS_POLICY)))
            .retryPeriod(Duration.ofMillis(row.getLong(RETRY_PERIOD_MS)))
            .retrySchedule(new RetrySchedule(row.getList(RETRY_SCHEDULE_MS, Long.class).stream()
                .map(Duration::ofMillis)
                .collect(Collectors.toList())))
            .build();
    }
}
