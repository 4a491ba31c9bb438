package ch.postwall.filter.gateway;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import ch.postwall.mailbox.embedded.EmbeddedDatabase;

public class EmbeddedGatewayRouteStore implements GatewayRouteStore {
    private static final String COLUMNS = "domain, host, port, tls_policy, retry_period_ms, retry_schedule_ms";

    private final EmbeddedDatabase database;

    @Inject
    public EmbeddedGatewayRouteStore(EmbeddedDatabase database) {
        this.database = database;
        database.createIfMissing("CREATE TABLE gateway_route ("
            + "domain VARCHAR(255) NOT NULL PRIMARY KEY, "
            + "host VARCHAR(255) NOT NULL, "
            + "port INT NOT NULL, "
            + "tls_policy VARCHAR(16) NOT NULL, "
            + "retry_period_ms BIGINT NOT NULL, "
            + "retry_schedule_ms VARCHAR(1000) NOT NULL)");
    }

    @Override
    public void save(GatewayRoute route) {
        database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM gateway_route WHERE domain = ?");
                 PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO gateway_route (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                delete.setString(1, route.domain().asString());
                delete.executeUpdate();
                insert.setString(1, route.domain().asString());
                insert.setString(2, route.host());
                insert.setInt(3, route.port());
                insert.setString(4, route.tlsPolicy().asString());
                insert.setLong(5, route.retryPeriod().toMillis());
                insert.setString(6, route.retrySchedule().asMillis());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<GatewayRoute> retrieve(Domain domain) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM gateway_route WHERE domain = ?")) {
                select.setString(1, domain.asString());
                return readAll(select).stream().findFirst();
            }
        });
    }

    @Override
    public List<GatewayRoute> list() {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM gateway_route ORDER BY domain")) {
                return readAll(select);
            }
        });
    }

    @Override
    public void delete(Domain domain) {
        database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM gateway_route WHERE domain = ?")) {
                delete.setString(1, domain.asString());
                return delete.executeUpdate();
            }
        });
    }

    private List<GatewayRoute> readAll(PreparedStatement select) throws SQLException {
        List<GatewayRoute> routes = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                routes.add(GatewayRoute.builder(Domain.of(rows.getString("domain")), rows.getString("host"))
                    .port(rows.getInt("port"))
                    .tlsPolicy(TlsPolicy.parse(rows.getString("tls_policy")))
                    .retryPeriod(Duration.ofMillis(rows.getLong("retry_period_ms")))
                    .retrySchedule(RetrySchedule.fromMillis(rows.getString("retry_schedule_ms")))
                    .build());
            }
        }
        return routes;
    }
}
