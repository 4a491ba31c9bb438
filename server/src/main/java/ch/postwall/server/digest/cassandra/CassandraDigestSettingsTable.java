package ch.postwall.server.digest.cassandra;

import org.apache.james.backends.cassandra.components.CassandraModule;

import com.datastax.oss.driver.api.core.type.DataTypes;

/** Digest settings per user, partitioned by domain so that a domain's are deleted at once. */
public interface CassandraDigestSettingsTable {
    String TABLE = "quarantine_digest_settings";

    String DOMAIN = "domain";
    String USER = "user";
    String OPTED_OUT = "opted_out";
    String LAST_DIGEST = "last_digest";

    CassandraModule MODULE = CassandraModule.table(TABLE)
        .comment("Quarantine digest opt-out and last digest time of each user")
        .statement(statement -> types -> statement
            .withPartitionKey(DOMAIN, DataTypes.TEXT)
            .withClusteringColumn(USER, DataTypes.TEXT)
            .withColumn(OPTED_OUT, DataTypes.BOOLEAN)
            .withColumn(LAST_DIGEST, DataTypes.TIMESTAMP))
        .build();
}
