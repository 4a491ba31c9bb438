package ch.postwall.filter.protocollog.cassandra;

import org.apache.james.backends.cassandra.components.CassandraModule;

import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.querybuilder.schema.compaction.TimeWindowCompactionStrategy.CompactionWindowUnit;
import com.datastax.oss.driver.api.core.metadata.schema.ClusteringOrder;
import com.datastax.oss.driver.api.querybuilder.SchemaBuilder;

/**
 * The Cassandra schema of the protocol log: sessions by id, and lookup tables by day (listing,
 * purge) and by concerned address and domain (export, deletion). Every row carries the session's
 * remaining retention as TTL.
 */
public interface CassandraProtocolLogTables {
    String SESSIONS = "protocol_log";
    String BY_DAY = "protocol_log_by_day";
    String BY_ADDRESS = "protocol_log_by_address";
    String BY_DOMAIN = "protocol_log_by_domain";
    String DAYS = "protocol_log_days";

    String SESSION_ID = "session_id";
    String REMOTE_IP = "remote_ip";
    String START = "start_time";
    String END = "end_time";
    String TLS = "tls";
    String ADDRESSES = "addresses";
    String LINES = "lines";
    String DAY = "day";
    String ADDRESS = "address";
    String DOMAIN = "domain";
    /** The days table has a single partition: one row per day of retention. */
    String BUCKET = "bucket";

    CassandraModule MODULE = CassandraModule.aggregateModules(
        CassandraModule.table(SESSIONS)
            .comment("SMTP session transcripts by session id")
            // Rows all live one retention period and die in time order: time-window compaction drops whole files.
            .options(options -> options.withCompaction(SchemaBuilder.timeWindowCompactionStrategy()
                .withCompactionWindow(30, CompactionWindowUnit.DAYS)))
            .statement(statement -> types -> statement
                .withPartitionKey(SESSION_ID, DataTypes.TEXT)
                .withColumn(REMOTE_IP, DataTypes.TEXT)
                .withColumn(START, DataTypes.TIMESTAMP)
                .withColumn(END, DataTypes.TIMESTAMP)
                .withColumn(TLS, DataTypes.TEXT)
                .withColumn(ADDRESSES, DataTypes.setOf(DataTypes.TEXT))
                .withColumn(LINES, DataTypes.TEXT))
            .build(),
        CassandraModule.table(BY_DAY)
            .comment("SMTP session ids by UTC day of their start, newest first")
            .options(options -> options.withClusteringOrder(START, ClusteringOrder.DESC)
                .withClusteringOrder(SESSION_ID, ClusteringOrder.ASC))
            .statement(statement -> types -> statement
                .withPartitionKey(DAY, DataTypes.DATE)
                .withClusteringColumn(START, DataTypes.TIMESTAMP)
                .withClusteringColumn(SESSION_ID, DataTypes.TEXT))
            .build(),
        CassandraModule.table(BY_ADDRESS)
            .comment("SMTP session ids by concerned address")
            .statement(statement -> types -> statement
                .withPartitionKey(ADDRESS, DataTypes.TEXT)
                .withClusteringColumn(SESSION_ID, DataTypes.TEXT))
            .build(),
        CassandraModule.table(BY_DOMAIN)
            .comment("SMTP session ids by domain of a concerned address")
            .statement(statement -> types -> statement
                .withPartitionKey(DOMAIN, DataTypes.TEXT)
                .withClusteringColumn(SESSION_ID, DataTypes.TEXT))
            .build(),
        CassandraModule.table(DAYS)
            .comment("The days holding SMTP session transcripts, newest first")
            .options(options -> options.withClusteringOrder(DAY, ClusteringOrder.DESC))
            .statement(statement -> types -> statement
                .withPartitionKey(BUCKET, DataTypes.INT)
                .withClusteringColumn(DAY, DataTypes.DATE))
            .build());
}
