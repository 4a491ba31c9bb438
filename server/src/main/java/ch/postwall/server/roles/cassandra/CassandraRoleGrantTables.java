package ch.postwall.server.roles.cassandra;

import org.apache.james.backends.cassandra.components.CassandraModule;

import com.datastax.oss.driver.api.core.type.DataTypes;

/**
 * The Cassandra schema of role grants: staff accounts, domain admins both ways round, and support
 * grants by domain (TTL until their end) with a lookup by the admin who gave them.
 */
public interface CassandraRoleGrantTables {
    String STAFF = "role_staff";
    String ADMIN_BY_USER = "role_domain_admin_by_user";
    String ADMIN_BY_DOMAIN = "role_domain_admin_by_domain";
    String SUPPORT = "role_support_grant";
    String SUPPORT_BY_GRANTOR = "role_support_grant_by_grantor";

    String LOGIN = "login";
    String ROLE = "role";
    String PASSWORD_HASH = "password_hash";
    String USERNAME = "username";
    String DOMAIN = "domain";
    String GRANTED_BY = "granted_by";
    String GRANTED_AT = "granted_at";
    String UNTIL = "until_time";

    CassandraModule MODULE = CassandraModule.aggregateModules(
        CassandraModule.table(STAFF)
            .comment("Staff accounts with their role and password hash")
            .statement(statement -> types -> statement
                .withPartitionKey(LOGIN, DataTypes.TEXT)
                .withColumn(ROLE, DataTypes.TEXT)
                .withColumn(PASSWORD_HASH, DataTypes.TEXT))
            .build(),
        CassandraModule.table(ADMIN_BY_USER)
            .comment("The domains each domain admin administers")
            .statement(statement -> types -> statement
                .withPartitionKey(USERNAME, DataTypes.TEXT)
                .withClusteringColumn(DOMAIN, DataTypes.TEXT))
            .build(),
        CassandraModule.table(ADMIN_BY_DOMAIN)
            .comment("The admins of each domain")
            .statement(statement -> types -> statement
                .withPartitionKey(DOMAIN, DataTypes.TEXT)
                .withClusteringColumn(USERNAME, DataTypes.TEXT))
            .build(),
        CassandraModule.table(SUPPORT)
            .comment("Support-access grants by domain; rows expire when the grant ends")
            .statement(statement -> types -> statement
                .withPartitionKey(DOMAIN, DataTypes.TEXT)
                .withColumn(GRANTED_BY, DataTypes.TEXT)
                .withColumn(GRANTED_AT, DataTypes.TIMESTAMP)
                .withColumn(UNTIL, DataTypes.TIMESTAMP))
            .build(),
        CassandraModule.table(SUPPORT_BY_GRANTOR)
            .comment("The domains whose support grant a user gave; rows expire with the grant")
            .statement(statement -> types -> statement
                .withPartitionKey(GRANTED_BY, DataTypes.TEXT)
                .withClusteringColumn(DOMAIN, DataTypes.TEXT))
            .build());
}
