package ch.postwall.mailbox.expiry;

import java.time.Duration;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.postwall.mailbox.lifecycle.PeriodicTask;

/**
 * Runs a store's deletion of expired data at a fixed interval, for stores whose backend does not
 * expire data by itself (Cassandra does, with TTLs), and logs how much it deleted.
 */
public class ScheduledPurge extends PeriodicTask {
    private static final Logger LOGGER = LoggerFactory.getLogger(ScheduledPurge.class);

    /** {@code purge} deletes what has expired and answers how many items it deleted. */
    public ScheduledPurge(String what, Duration interval, Callable<Integer> purge) {
        super("Purge of expired " + what, interval, interval, () -> {
            try {
                LOGGER.info("Purged {} expired {}", purge.call(), what);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
