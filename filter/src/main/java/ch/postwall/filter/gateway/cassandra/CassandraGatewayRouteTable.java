package ch.postwall.filter.gateway.cassandra;

import org.apache.james.backends.cassandra.components.CassandraModule;

import com.datastax.oss.driver.api.core.type.DataTypes;

/** The Cassandra schema of the gateway routes: one row per domain. */
public interface CassandraGatewayRouteTable {
    String TABLE = "gateway_route";
    String DOMAIN = "domain";
    String HOST = "host";
    String PORT = "port";
    String TLS_POLICY = "tls_policy";
    String RETRY_PERIOD_MS = "retry_period_ms";
    String RETRY_SCHEDULE_MS = "retry_schedule_ms";

    CassandraModule MODULE = CassandraModule.table(TABLE)
        .comment("Target server, TLS policy and retries of each gateway domain")
        .statement(statement -> types -> statement
            .withPartitionKey(DOMAIN, DataTypes.TEXT)
            .withColumn(HOST, DataTypes.TEXT)
            .withColumn(PORT, DataTypes.INT)
            .withColumn(TLS_POLICY, DataTypes.TEXT)
            .withColumn(RETRY_PERIOD_MS, DataTypes.BIGINT)
            .withColumn(RETRY_SCHEDULE_MS, DataTypes.listOf(DataTypes.BIGINT)))
        .build();
}
