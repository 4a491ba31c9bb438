package ch.postwall.filter.trace.cassandra;

import org.apache.james.backends.cassandra.components.CassandraModule;

import com.datastax.oss.driver.api.core.metadata.schema.ClusteringOrder;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.querybuilder.schema.CreateTable;

/**
 * The Cassandra schema of the message trace: the entries by id, and one lookup table per way of
 * searching them, each newest first. Every row carries the entry's remaining retention as TTL.
 */
public interface CassandraMessageTraceTables {
    String TRACE = "message_trace";
    String BY_ADDRESS = "message_trace_by_address";
    String BY_DOMAIN = "message_trace_by_domain";
    String BY_MESSAGE_ID = "message_trace_by_message_id";
    String BY_DAY = "message_trace_by_day";
    String DAYS = "message_trace_days";

    String ID = "id";
    String TIME = "trace_time";
    String REMOTE_IP = "remote_ip";
    String SENDER = "sender";
    String RECIPIENTS = "recipients";
    String MESSAGE_ID = "message_id";
    String SIZE = "size";
    String CHECKS = "checks";
    String VERDICT = "verdict";
    String ACTION = "action";
    String DELIVERY = "delivery";
    String ADDRESS = "address";
    String DOMAIN = "domain";
    /** Whether the address or domain is the entry's sender ({@value #SENDER_ROLE}) or a recipient ({@value #RECIPIENT_ROLE}). */
    String ROLE = "role";
    String SENDER_ROLE = "s";
    String RECIPIENT_ROLE = "r";
    String DAY = "day";
    /** The days table has a single partition: a handful of rows, one per day of retention. */
    String BUCKET = "bucket";

    CassandraModule MODULE = CassandraModule.aggregateModules(
        CassandraModule.table(TRACE)
            .comment("Message trace entries by id")
            .statement(statement -> types -> statement
                .withPartitionKey(ID, DataTypes.TEXT)
                .withColumn(TIME, DataTypes.TIMESTAMP)
                .withColumn(REMOTE_IP, DataTypes.TEXT)
                .withColumn(SENDER, DataTypes.TEXT)
                .withColumn(RECIPIENTS, DataTypes.listOf(DataTypes.TEXT))
                .withColumn(MESSAGE_ID, DataTypes.TEXT)
                .withColumn(SIZE, DataTypes.BIGINT)
                .withColumn(CHECKS, DataTypes.mapOf(DataTypes.TEXT, DataTypes.TEXT))
                .withColumn(VERDICT, DataTypes.TEXT)
                .withColumn(ACTION, DataTypes.TEXT)
                .withColumn(DELIVERY, DataTypes.TEXT))
            .build(),
        lookupTable(BY_ADDRESS, "sender or recipient address", ADDRESS, ROLE),
        lookupTable(BY_DOMAIN, "sender or recipient domain", DOMAIN, ROLE),
        lookupTable(BY_MESSAGE_ID, "Message-ID", MESSAGE_ID),
        lookupTable(BY_DAY, "UTC day", DAY),
        CassandraModule.table(DAYS)
            .comment("The days holding message trace entries, newest first")
            .options(options -> options.withClusteringOrder(DAY, ClusteringOrder.DESC))
            .statement(statement -> types -> statement
                .withPartitionKey(BUCKET, DataTypes.INT)
                .withClusteringColumn(DAY, DataTypes.DATE))
            .build());

    /** A table of entry ids by the given partition columns (text, or a date for {@value #DAY}), newest first. */
    private static CassandraModule lookupTable(String table, String lookup, String... partitionColumns) {
        return CassandraModule.table(table)
            .comment("Message trace entry ids by " + lookup + ", newest first")
            .options(options -> options.withClusteringOrder(TIME, ClusteringOrder.DESC).withClusteringOrder(ID, ClusteringOrder.ASC))
            .statement(statement -> types -> {
                CreateTable create = statement.withPartitionKey(partitionColumns[0], typeOf(partitionColumns[0]));
                for (int index = 1; index < partitionColumns.length; index++) {
                    create = create.withPartitionKey(partitionColumns[index], typeOf(partitionColumns[index]));
                }
                return create.withClusteringColumn(TIME, DataTypes.TIMESTAMP).withClusteringColumn(ID, DataTypes.TEXT);
            })
            .build();
    }

    private static DataType typeOf(String partitionColumn) {
        return DAY.equals(partitionColumn) ? DataTypes.DATE : DataTypes.TEXT;
    }
}
