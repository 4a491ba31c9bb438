package ch.postwall.retention.access.cassandra;

import org.apache.james.backends.cassandra.components.CassandraModule;

import com.datastax.oss.driver.api.core.metadata.schema.ClusteringOrder;
import com.datastax.oss.driver.api.core.type.DataTypes;

/**
 * The access log by account, and by domain and UTC day (a domain's partition per day stays bounded),
 * both newest first. Every row carries the entry's remaining retention as TTL.
 */
public interface CassandraAccessLogTables {
    String BY_ACCOUNT = "access_log_by_account";
    String BY_DOMAIN = "access_log_by_domain";

    String ACCOUNT = "account";
    String DOMAIN = "domain";
    String DAY = "day";
    String TIME = "access_time";
    String ID = "id";
    String TYPE = "access_type";
    String REMOTE_IP = "remote_ip";
    String FAILURE = "failure";

    CassandraModule MODULE = CassandraModule.aggregateModules(
        CassandraModule.table(BY_ACCOUNT)
            .comment("Access log entries of an account, newest first")
            .options(options -> options.withClusteringOrder(TIME, ClusteringOrder.DESC).withClusteringOrder(ID, ClusteringOrder.ASC))
            .statement(statement -> types -> statement
                .withPartitionKey(ACCOUNT, DataTypes.TEXT)
                .withClusteringColumn(TIME, DataTypes.TIMESTAMP)
                .withClusteringColumn(ID, DataTypes.TEXT)
                .withColumn(TYPE, DataTypes.TEXT)
                .withColumn(REMOTE_IP, DataTypes.TEXT)
                .withColumn(FAILURE, DataTypes.TEXT))
            .build(),
        CassandraModule.table(BY_DOMAIN)
            .comment("Access log entries of the accounts of a domain per UTC day, newest first")
            .options(options -> options.withClusteringOrder(TIME, ClusteringOrder.DESC).withClusteringOrder(ID, ClusteringOrder.ASC))
            .statement(statement -> types -> statement
                .withPartitionKey(DOMAIN, DataTypes.TEXT)
                .withPartitionKey(DAY, DataTypes.DATE)
                .withClusteringColumn(TIME, DataTypes.TIMESTAMP)
                .withClusteringColumn(ID, DataTypes.TEXT)
                .withColumn(ACCOUNT, DataTypes.TEXT)
                .withColumn(TYPE, DataTypes.TEXT)
                .withColumn(REMOTE_IP, DataTypes.TEXT)
                .withColumn(FAILURE, DataTypes.TEXT))
            .build());
}
