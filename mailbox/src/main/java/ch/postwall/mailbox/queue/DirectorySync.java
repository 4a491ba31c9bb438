package ch.postwall.mailbox.queue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes the entries created in a directory durable by syncing the directory. Writers that ask while a sync is under
 * way wait for it and then share the next one: under load one sync serves many new files, as the mail queue's
 * concurrent SMTP sessions each create one.
 */
final class DirectorySync {
    private final Path directory;
    private long requested;
    private long completed;
    private boolean syncing;

    DirectorySync(Path directory) {
        this.directory = directory;
    }

    /** Returns once a sync that started after this call has completed. */
    void sync() throws IOException {
        long upTo;
        synchronized (this) {
            long mine = ++requested;
            while (syncing) {
                waitForSync();
            }
            if (completed >= mine) {
                return;
            }
            syncing = true;
            upTo = requested;
        }
        boolean synced = false;
        try {
            try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
                channel.force(true);
            }
            synced = true;
        } finally {
            synchronized (this) {
                syncing = false;
                if (synced) {
                    completed = Math.max(completed, upTo);
                }
                notifyAll();
            }
        }
    }

    private void waitForSync() throws IOException {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the queue directory to be synced", e);
        }
    }
}
