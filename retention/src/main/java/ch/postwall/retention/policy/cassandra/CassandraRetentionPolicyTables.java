package ch.postwall.retention.policy.cassandra;

import org.apache.james.backends.cassandra.components.CassandraModule;

import com.datastax.oss.driver.api.core.type.DataTypes;

/** Limits by domain, choices by user, and the users of a domain having choices (for deleting a domain). */
public interface CassandraRetentionPolicyTables {
    String LIMITS = "retention_limits";
    String CHOICES = "retention_choices";
    String USERS_BY_DOMAIN = "retention_users_by_domain";

    String DOMAIN = "domain";
    String USER = "user";
    String KIND = "kind";
    String CONTAINER = "container";
    /** Seconds; null for none, i.e. forever. */
    String PERIOD = "period";
    String MAIL_MIN = "mail_min";
    String MAIL_MAX = "mail_max";
    String CALENDAR_MIN = "calendar_min";
    String CALENDAR_MAX = "calendar_max";

    CassandraModule MODULE = CassandraModule.aggregateModules(
        CassandraModule.table(LIMITS)
            .comment("Retention limits set by admins, per domain; periods in seconds")
            .statement(statement -> types -> statement
                .withPartitionKey(DOMAIN, DataTypes.TEXT)
                .withColumn(MAIL_MIN, DataTypes.BIGINT)
                .withColumn(MAIL_MAX, DataTypes.BIGINT)
                .withColumn(CALENDAR_MIN, DataTypes.BIGINT)
                .withColumn(CALENDAR_MAX, DataTypes.BIGINT))
            .build(),
        CassandraModule.table(CHOICES)
            .comment("Retention chosen by users per mail folder and calendar; period in seconds, null for forever")
            .statement(statement -> types -> statement
                .withPartitionKey(USER, DataTypes.TEXT)
                .withClusteringColumn(KIND, DataTypes.TEXT)
                .withClusteringColumn(CONTAINER, DataTypes.TEXT)
                .withColumn(PERIOD, DataTypes.BIGINT))
            .build(),
        CassandraModule.table(USERS_BY_DOMAIN)
            .comment("Users of a domain having retention choices")
            .statement(statement -> types -> statement
                .withPartitionKey(DOMAIN, DataTypes.TEXT)
                .withClusteringColumn(USER, DataTypes.TEXT))
            .build());
}
