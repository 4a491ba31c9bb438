package ch.postwall.server;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import ch.postwall.server.config.InvalidConfigurationException;

/**
 * One server per data directory: a second one would fight over the embedded database and queue
 * and fail with obscure errors, so it is refused up front. The operating system drops the lock
 * when the process dies, even on kill -9.
 */
final class DataDirectoryLock {
    private static final String LOCK_FILE = ".postwall.lock";
    /**
     * The locks this process holds. A lock's channel that nothing references is closed once garbage-collected, and
     * the operating system then drops the lock: a second server could start while the first still runs.
     */
    private static final Set<FileLock> HELD = ConcurrentHashMap.newKeySet();

    private DataDirectoryLock() {
    }

    static FileLock acquire(Path dataDirectory) throws IOException {
        FileChannel channel = FileChannel.open(dataDirectory.resolve(LOCK_FILE),
            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                HELD.add(lock);
                return lock;
            }
        } catch (OverlappingFileLockException e) {
            // Held by this very JVM: as much in use as by another process.
        }
        channel.close();
        throw new InvalidConfigurationException("Data directory " + dataDirectory + " is in use by another Postwall server");
    }

    static void release(FileLock lock) throws IOException {
        HELD.remove(lock);
        lock.channel().close();
    }
}
