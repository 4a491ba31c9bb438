package ch.postwall.mailbox.events;

import java.util.UUID;

import javax.inject.Inject;

import org.apache.james.backends.cassandra.components.CassandraModule;
import org.apache.james.backends.cassandra.utils.CassandraAsyncExecutor;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.type.DataTypes;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Dead letters on Cassandra, one partition per listener group. The groups are the table's distinct partition keys:
 * dead letters are few (failures beyond the event bus's retries), so no table of their own is needed.
 */
public class CassandraDeadLettersDAO implements DeadLettersDAO {
    static final String TABLE = "event_dead_letters";
    private static final String GROUP = "listener_group";
    private static final String INSERTION_ID = "insertion_id";
    private static final String EVENT = "event";

    public static final CassandraModule MODULE = CassandraModule.table(TABLE)
        .comment("Mailbox events whose delivery to a listener group failed, kept until redelivered")
        .statement(statement -> types -> statement
            .withPartitionKey(GROUP, DataTypes.TEXT)
            .withClusteringColumn(INSERTION_ID, DataTypes.UUID)
            .withColumn(EVENT, DataTypes.TEXT))
        .build();

    private final CassandraAsyncExecutor executor;
    private final PreparedStatement insert;
    private final PreparedStatement delete;
    private final PreparedStatement deleteGroup;
    private final PreparedStatement read;
    private final PreparedStatement insertionIds;
    private final PreparedStatement groups;
    private final PreparedStatement any;

    @Inject
    public CassandraDeadLettersDAO(CqlSession session) {
        this.executor = new CassandraAsyncExecutor(session);
        this.insert = session.prepare("INSERT INTO " + TABLE + " (" + GROUP + ", " + INSERTION_ID + ", " + EVENT + ") VALUES (?, ?, ?)");
        this.delete = session.prepare("DELETE FROM " + TABLE + " WHERE " + GROUP + " = ? AND " + INSERTION_ID + " = ?");
        this.deleteGroup = session.prepare("DELETE FROM " + TABLE + " WHERE " + GROUP + " = ?");
        this.read = session.prepare("SELECT " + EVENT + " FROM " + TABLE + " WHERE " + GROUP + " = ? AND " + INSERTION_ID + " = ?");
        this.insertionIds = session.prepare("SELECT " + INSERTION_ID + " FROM " + TABLE + " WHERE " + GROUP + " = ?");
        this.groups = session.prepare("SELECT DISTINCT " + GROUP + " FROM " + TABLE);
        this.any = session.prepare("SELECT " + GROUP + " FROM " + TABLE + " LIMIT 1");
    }

    @Override
    public Mono<Void> insert(String group, UUID insertionId, String event) {
        return executor.executeVoid(insert.bind(group, insertionId, event));
    }

    @Override
    public Mono<Void> delete(String group, UUID insertionId) {
        return executor.executeVoid(delete.bind(group, insertionId));
    }

    @Override
    public Mono<Void> deleteGroup(String group) {
        return executor.executeVoid(deleteGroup.bind(group));
    }

    @Override
    public Mono<String> read(String group, UUID insertionId) {
        return executor.executeSingleRow(read.bind(group, insertionId)).map(row -> row.getString(EVENT));
    }

    @Override
    public Flux<UUID> insertionIds(String group) {
        return executor.executeRows(insertionIds.bind(group)).map(row -> row.getUuid(INSERTION_ID));
    }

    @Override
    public Flux<String> groups() {
        return executor.executeRows(groups.bind()).map(row -> row.getString(GROUP));
    }

    @Override
    public Mono<Boolean> isEmpty() {
        return executor.executeReturnExists(any.bind()).map(exists -> !exists);
    }
}
