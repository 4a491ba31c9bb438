package ch.postwall.retention.wipe;

import javax.inject.Inject;

import ch.postwall.mailbox.lifecycle.PeriodicTask;
import ch.postwall.retention.enforcement.RetentionConfiguration;

/** Runs {@link ContractWipe#wipeDue()} at the configured interval, so that a wipe starts soon after its window closes. */
public class ContractWipeScheduler extends PeriodicTask {
    @Inject
    public ContractWipeScheduler(ContractWipe wipe, RetentionConfiguration configuration) {
        super("Contract wipe", configuration.enforcementDelay(), configuration.wipeInterval(), wipe::wipeDue);
    }
}
