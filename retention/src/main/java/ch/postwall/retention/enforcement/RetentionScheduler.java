package ch.postwall.retention.enforcement;

import javax.inject.Inject;

import ch.postwall.mailbox.lifecycle.PeriodicTask;

/** Runs {@link RetentionEnforcement#enforceAll()} at the configured interval (daily by default). */
public class RetentionScheduler extends PeriodicTask {
    @Inject
    public RetentionScheduler(RetentionEnforcement enforcement, RetentionConfiguration configuration) {
        super("Retention enforcement", configuration.enforcementDelay(), configuration.enforcementInterval(),
            enforcement::enforceAll);
    }
}
