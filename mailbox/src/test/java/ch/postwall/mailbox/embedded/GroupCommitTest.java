package ch.postwall.mailbox.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

class GroupCommitTest {
    @RegisterExtension
    EmbeddedDatabaseExtension databaseExtension = new EmbeddedDatabaseExtension();

    private EmbeddedDatabase database;
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstBatchWriting = new CountDownLatch(1);
    private final CountDownLatch releaseFirstBatch = new CountDownLatch(1);
    private final Map<String, Throwable> failures = new ConcurrentHashMap<>();

    @BeforeEach
    void setUp() {
        database = databaseExtension.database();
        database.createIfMissing("CREATE TABLE item (name VARCHAR(50) PRIMARY KEY)");
    }

    @Test
    void rowsQueuedWhileABatchIsWrittenShouldBeCommittedTogetherNext() throws Exception {
        GroupCommit<String> commit = new GroupCommit<>(database, this::insertHoldingTheFirstBatch);

        Thread first = writer(commit, "first");
        firstBatchWriting.await();
        List<Thread> queued = List.of(writer(commit, "b"), writer(commit, "c"), writer(commit, "d"));
        awaitWaiting(queued);
        releaseFirstBatch.countDown();
        joinAll(first, queued);

        assertThat(failures).isEmpty();
        assertThat(batches).containsExactly(List.of("first"), batches.get(1));
        assertThat(batches.get(1)).containsExactlyInAnyOrder("b", "c", "d");
        assertThat(names()).containsExactlyInAnyOrder("first", "b", "c", "d");
    }

    @Test
    void aRowThatCannotBeWrittenShouldFailOnlyItsWriter() throws Exception {
        GroupCommit<String> commit = new GroupCommit<>(database, this::insertHoldingTheFirstBatch);

        Thread first = writer(commit, "first");
        firstBatchWriting.await();
        // "first" again: the primary key refuses it, and the batch it is in.
        List<Thread> queued = List.of(writer(commit, "b"), writer(commit, "first"), writer(commit, "d"));
        awaitWaiting(queued);
        releaseFirstBatch.countDown();
        joinAll(first, queued);

        assertThat(failures).containsOnlyKeys("first");
        assertThat(names()).containsExactlyInAnyOrder("first", "b", "d");
    }

    @Test
    @Timeout(30)
    void anErrorWhileWritingABatchShouldFailEveryWriterOfItRatherThanLeaveThemWaiting() throws Exception {
        GroupCommit<String> commit = new GroupCommit<>(database, (connection, rows) -> {
            insertHoldingTheFirstBatch(connection, rows);
            if (batches.size() == 2) {
                throw new AssertionError("an error, not an exception");
            }
        });

        Thread first = writer(commit, "first");
        firstBatchWriting.await();
        List<Thread> queued = List.of(writer(commit, "b"), writer(commit, "c"));
        awaitWaiting(queued);
        releaseFirstBatch.countDown();
        joinAll(first, queued);

        assertThat(failures).containsOnlyKeys("b", "c");
        assertThat(names()).containsExactly("first");
    }

    private void insertHoldingTheFirstBatch(Connection connection, List<String> rows) throws SQLException {
        batches.add(List.copyOf(rows));
        if (batches.size() == 1) {
            firstBatchWriting.countDown();
            try {
                releaseFirstBatch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO item (name) VALUES (?)")) {
            for (String row : rows) {
                insert.setString(1, row);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private Thread writer(GroupCommit<String> commit, String row) {
        Thread thread = new Thread(() -> {
            try {
                commit.write(row);
            } catch (RuntimeException | Error e) {
                failures.put(row, e);
            }
        });
        thread.start();
        return thread;
    }

    /** Until each thread waits for the writer of the first batch: its row is queued. */
    private static void awaitWaiting(List<Thread> threads) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (threads.stream().anyMatch(thread -> thread.getState() != Thread.State.WAITING) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private static void joinAll(Thread first, List<Thread> others) throws InterruptedException {
        first.join();
        for (Thread other : others) {
            other.join();
        }
    }

    private List<String> names() {
        return database.inTransaction(connection -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT name FROM item");
                 ResultSet resultSet = select.executeQuery()) {
                while (resultSet.next()) {
                    names.add(resultSet.getString(1));
                }
            }
            return names;
        });
    }
}
