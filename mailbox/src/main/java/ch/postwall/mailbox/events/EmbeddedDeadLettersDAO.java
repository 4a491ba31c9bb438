package ch.postwall.mailbox.events;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.inject.Inject;

import ch.postwall.mailbox.embedded.EmbeddedDatabase;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Dead letters in the embedded Derby database; JDBC blocks, so every call runs on the bounded elastic scheduler. */
public class EmbeddedDeadLettersDAO implements DeadLettersDAO {
    private final EmbeddedDatabase database;

    @Inject
    public EmbeddedDeadLettersDAO(EmbeddedDatabase database) {
        this.database = database;
        database.createIfMissing(
            "CREATE TABLE event_dead_letters ("
                + "listener_group VARCHAR(1000) NOT NULL, "
                + "insertion_id CHAR(36) NOT NULL, "
                + "event CLOB NOT NULL, "
                + "PRIMARY KEY (listener_group, insertion_id))");
    }

    @Override
    public Mono<Void> insert(String group, UUID insertionId, String event) {
        return update("INSERT INTO event_dead_letters (listener_group, insertion_id, event) VALUES (?, ?, ?)",
            group, insertionId.toString(), event);
    }

    @Override
    public Mono<Void> delete(String group, UUID insertionId) {
        return update("DELETE FROM event_dead_letters WHERE listener_group = ? AND insertion_id = ?", group, insertionId.toString());
    }

    @Override
    public Mono<Void> deleteGroup(String group) {
        return update("DELETE FROM event_dead_letters WHERE listener_group = ?", group);
    }

    @Override
    public Mono<String> read(String group, UUID insertionId) {
        return select("SELECT event FROM event_dead_letters WHERE listener_group = ? AND insertion_id = ?",
            group, insertionId.toString())
            .flatMap(events -> Mono.justOrEmpty(events.stream().findFirst()));
    }

    @Override
    public Flux<UUID> insertionIds(String group) {
        return select("SELECT insertion_id FROM event_dead_letters WHERE listener_group = ?", group)
            .flatMapIterable(ids -> ids)
            .map(UUID::fromString);
    }

    @Override
    public Flux<String> groups() {
        return select("SELECT DISTINCT listener_group FROM event_dead_letters").flatMapIterable(groups -> groups);
    }

    @Override
    public Mono<Boolean> isEmpty() {
        return select("SELECT listener_group FROM event_dead_letters FETCH FIRST 1 ROWS ONLY").map(List::isEmpty);
    }

    private Mono<Void> update(String sql, String... parameters) {
        return Mono.fromRunnable(() -> database.inTransaction(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    bind(statement, parameters);
                    return statement.executeUpdate();
                }
            }))
            .subscribeOn(Schedulers.boundedElastic())
            .then();
    }

    /** The first column of every row; read whole because a transaction must not stay open across a stream. */
    private Mono<List<String>> select(String sql, String... parameters) {
        return Mono.fromCallable(() -> database.inTransaction(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    bind(statement, parameters);
                    try (ResultSet rows = statement.executeQuery()) {
                        List<String> values = new ArrayList<>();
                        while (rows.next()) {
                            values.add(rows.getString(1));
                        }
                        return values;
                    }
                }
            }))
            .subscribeOn(Schedulers.boundedElastic());
    }

    private static void bind(PreparedStatement statement, String... parameters) throws SQLException {
        for (int index = 0; index < parameters.length; index++) {
            statement.setString(index + 1, parameters[index]);
        }
    }
}
