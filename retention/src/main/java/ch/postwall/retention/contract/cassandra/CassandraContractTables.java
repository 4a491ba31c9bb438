package ch.postwall.retention.contract.cassandra;

import org.apache.james.backends.cassandra.components.CassandraModule;

import com.datastax.oss.driver.api.core.type.DataTypes;

/**
 * Contract state by subject. Terminations and reports are few (one per terminated contract) and are listed by
 * scanning their table.
 */
public interface CassandraContractTables {
    String TERMINATION = "contract_termination";
    String WIPE_STEP = "contract_wipe_step";
    String REPORT = "contract_report";

    String KIND = "subject_kind";
    String NAME = "subject_name";
    String EFFECTIVE = "effective";
    /** Seconds. */
    String EXPORT_WINDOW = "export_window";
    String STEP = "step";
    String COUNTS = "counts";
    String TERMINATED = "terminated";
    String WIPED_AT = "wiped_at";
    String STEPS = "steps";

    CassandraModule MODULE = CassandraModule.aggregateModules(
        CassandraModule.table(TERMINATION)
            .comment("Terminated contracts awaiting their wipe")
            .statement(statement -> types -> statement
                .withPartitionKey(KIND, DataTypes.TEXT)
                .withPartitionKey(NAME, DataTypes.TEXT)
                .withColumn(EFFECTIVE, DataTypes.TIMESTAMP)
                .withColumn(EXPORT_WINDOW, DataTypes.BIGINT))
            .build(),
        CassandraModule.table(WIPE_STEP)
            .comment("Finished steps of running wipes, with what they deleted")
            .statement(statement -> types -> statement
                .withPartitionKey(KIND, DataTypes.TEXT)
                .withPartitionKey(NAME, DataTypes.TEXT)
                .withClusteringColumn(STEP, DataTypes.TEXT)
                .withColumn(COUNTS, DataTypes.mapOf(DataTypes.TEXT, DataTypes.BIGINT)))
            .build(),
        CassandraModule.table(REPORT)
            .comment("Deletion reports of finished wipes")
            .statement(statement -> types -> statement
                .withPartitionKey(KIND, DataTypes.TEXT)
                .withPartitionKey(NAME, DataTypes.TEXT)
                .withColumn(TERMINATED, DataTypes.TIMESTAMP)
                .withColumn(WIPED_AT, DataTypes.TIMESTAMP)
                .withColumn(STEPS, DataTypes.mapOf(DataTypes.TEXT, DataTypes.frozenMapOf(DataTypes.TEXT, DataTypes.BIGINT))))
            .build());
}
