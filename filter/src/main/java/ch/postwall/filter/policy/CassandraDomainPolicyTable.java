package ch.postwall.filter.policy;

import org.apache.james.backends.cassandra.components.CassandraModule;

import com.datastax.oss.driver.api.core.type.DataTypes;

/** The Cassandra schema of the policy store: one partition per domain, one row per user plus the domain's own. */
public interface CassandraDomainPolicyTable {
    String TABLE_NAME = "postwall_filter_policy";
    String DOMAIN = "domain";
    String USERNAME = "username";
    String POLICY = "policy";

    CassandraModule MODULE = CassandraModule.table(TABLE_NAME)
        .comment("Postwall filter policies per domain and per user, as JSON.")
        .statement(statement -> types -> statement
            .withPartitionKey(DOMAIN, DataTypes.TEXT)
            .withClusteringColumn(USERNAME, DataTypes.TEXT)
            .withColumn(POLICY, DataTypes.TEXT))
        .build();
}
