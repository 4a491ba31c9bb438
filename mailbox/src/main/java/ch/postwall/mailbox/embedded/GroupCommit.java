package ch.postwall.mailbox.embedded;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Rows written by concurrent threads, committed together: each {@link #write} returns once its row is committed
 * (or throws), as with a transaction of its own, but a thread that finds another one writing queues its row, and the
 * next writer takes all the queued rows into one transaction: one commit (and log flush) for many rows under load,
 * none waited for when idle. A batch that fails is written again row by row, so one bad row fails only its writer.
 */
public final class GroupCommit<T> {
    /** Writes the rows in the transaction of the connection given; the caller commits. */
    @FunctionalInterface
    public interface BatchWriter<T> {
        void write(Connection connection, List<T> rows) throws SQLException;
    }

    private record Pending<T>(T row, CompletableFuture<Void> committed) {
    }

    private final EmbeddedDatabase database;
    private final BatchWriter<T> writer;
    private final ConcurrentLinkedQueue<Pending<T>> queued = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();

    public GroupCommit(EmbeddedDatabase database, BatchWriter<T> writer) {
        this.database = database;
        this.writer = writer;
    }

    public void write(T row) {
        Pending<T> mine = new Pending<>(row, new CompletableFuture<>());
        queued.add(mine);
        writing.lock();
        try {
            if (!mine.committed().isDone()) {
                writeQueued();
            }
        } finally {
            writing.unlock();
        }
        try {
            mine.committed().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private void writeQueued() {
        List<Pending<T>> batch = new ArrayList<>();
        for (Pending<T> next = queued.poll(); next != null; next = queued.poll()) {
            batch.add(next);
        }
        try {
            writeInOneTransaction(batch.stream().map(Pending::row).toList());
            batch.forEach(pending -> pending.committed().complete(null));
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                batch.get(0).committed().completeExceptionally(batchFailed);
                return;
            }
            for (Pending<T> pending : batch) {
                try {
                    writeInOneTransaction(List.of(pending.row()));
                    pending.committed().complete(null);
                } catch (RuntimeException failed) {
                    pending.committed().completeExceptionally(failed);
                }
            }
        } finally {
            // An Error on the way: the others of the batch must not wait for ever.
            batch.stream()
                .filter(pending -> !pending.committed().isDone())
                .forEach(pending -> pending.committed().completeExceptionally(new IllegalStateException("Row not written")));
        }
    }

    private void writeInOneTransaction(List<T> rows) {
        database.inTransaction(connection -> {
            writer.write(connection, rows);
            return null;
        });
    }
}
