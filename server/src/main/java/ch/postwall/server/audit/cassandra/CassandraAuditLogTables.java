package ch.postwall.server.audit.cassandra;

import org.apache.james.backends.cassandra.components.CassandraModule;

import com.datastax.oss.driver.api.core.metadata.schema.ClusteringOrder;
import com.datastax.oss.driver.api.core.type.DataTypes;

/**
 * The audit log per tenant (the owner's domain; '*' for platform-wide data), newest first. Audit entries
 * are few (accesses to quarantined content and raw logs), so one partition per tenant stays small over
 * the log period. Every row carries the entry's remaining retention as TTL.
 */
public interface CassandraAuditLogTables {
    String BY_TENANT = "audit_log_by_tenant";

    String TENANT = "tenant";
    String TIME = "audit_time";
    String ID = "id";
    String PRINCIPAL = "principal";
    String ACTION = "action";
    String TARGET = "target";
    String OWNER = "owner";

    CassandraModule MODULE = CassandraModule.table(BY_TENANT)
        .comment("Accesses to quarantined content and raw logs per tenant, newest first")
        .options(options -> options.withClusteringOrder(TIME, ClusteringOrder.DESC).withClusteringOrder(ID, ClusteringOrder.ASC))
        .statement(statement -> types -> statement
            .withPartitionKey(TENANT, DataTypes.TEXT)
            .withClusteringColumn(TIME, DataTypes.TIMESTAMP)
            .withClusteringColumn(ID, DataTypes.TEXT)
            .withColumn(PRINCIPAL, DataTypes.TEXT)
            .withColumn(ACTION, DataTypes.TEXT)
            .withColumn(TARGET, DataTypes.TEXT)
            .withColumn(OWNER, DataTypes.TEXT))
        .build();
}
