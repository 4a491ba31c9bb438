package ch.postwall.retention.enforcement;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.postwall.mailbox.lifecycle.DeletionCounts;
import ch.postwall.mailbox.lifecycle.RetentionStep;
import ch.postwall.mailbox.lifecycle.UserRetention;
import ch.postwall.retention.policy.RetentionPolicyStore;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Applies every user's retention with every module's {@link RetentionStep}. Run daily by
 * {@link RetentionScheduler} and on demand. A failing user or step is logged and the run goes on: the next
 * run catches up, since expiry only depends on the clock.
 */
public class RetentionEnforcement {
    private static final Logger LOGGER = LoggerFactory.getLogger(RetentionEnforcement.class);

    private final UsersRepository usersRepository;
    private final RetentionPolicyStore policies;
    private final Set<RetentionStep> steps;
    private final Clock clock;

    @Inject
    public RetentionEnforcement(UsersRepository usersRepository, RetentionPolicyStore policies, Set<RetentionStep> steps,
                                Clock clock) {
        this.usersRepository = usersRepository;
        this.policies = policies;
        this.steps = steps;
        this.clock = clock;
    }

    /** Enforces every user's retention; returns what was deleted, summed over users. */
    public DeletionCounts enforceAll() {
        Instant now = clock.instant();
        // Off the repository's thread: on Cassandra it is the driver's I/O thread, which the steps' queries need.
        DeletionCounts total = Flux.from(usersRepository.listReactive())
            .publishOn(Schedulers.boundedElastic())
            .map(user -> enforce(user, now))
            .reduce(DeletionCounts.NONE, DeletionCounts::plus)
            .block();
        LOGGER.info("Retention enforced: deleted {}", total.counts());
        return total;
    }

    public DeletionCounts enforce(Username user) {
        return enforce(user, clock.instant());
    }

    private DeletionCounts enforce(Username user, Instant now) {
        UserRetention retention = policies.retentionOf(user);
        DeletionCounts deleted = DeletionCounts.NONE;
        for (RetentionStep step : steps) {
            try {
                deleted = deleted.plus(step.applyRetention(user, retention, now));
            } catch (RuntimeException e) {
                LOGGER.error("Retention step {} failed for {}; the next run tries again", step.name(), user.asString(), e);
            }
        }
        return deleted;
    }
}
