package ch.postwall.filter.quarantine.cassandra;

import org.apache.james.backends.cassandra.components.CassandraModule;

import com.datastax.oss.driver.api.core.type.DataTypes;

/** Live release claims, written and deleted with lightweight transactions only. */
public interface CassandraReleaseClaimTable {
    String TABLE = "quarantine_release_claims";

    String MAIL = "mail";
    String CLAIMED_AT = "claimed_at";

    CassandraModule MODULE = CassandraModule.table(TABLE)
        .comment("Claims of quarantined mails being released, so that one release delivers")
        .statement(statement -> types -> statement
            .withPartitionKey(MAIL, DataTypes.TEXT)
            .withColumn(CLAIMED_AT, DataTypes.TIMESTAMP))
        .build();
}
