package ch.postwall.retention.wipe;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import ch.postwall.mailbox.lifecycle.DeletionCounts;
import ch.postwall.mailbox.lifecycle.WipeStep;
import ch.postwall.retention.policy.DomainRetentionLimits;
import ch.postwall.retention.policy.RetentionPolicyStore;

/** Deletes a user's retention choices, or a domain's limits and its users' choices. */
public class RetentionPolicyWipeStep implements WipeStep {
    public static final String NAME = "retention-policies";

    private final RetentionPolicyStore policies;

    @Inject
    public RetentionPolicyWipeStep(RetentionPolicyStore policies) {
        this.policies = policies;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DeletionCounts wipeUser(Username user) {
        int choices = policies.choices(user).size();
        policies.deleteUser(user);
        return DeletionCounts.of("retentionChoices", choices);
    }

    @Override
    public DeletionCounts wipeDomain(Domain domain) {
        boolean hadLimits = !policies.limits(domain).equals(DomainRetentionLimits.NONE);
        policies.deleteDomain(domain);
        return DeletionCounts.of("retentionLimits", hadLimits ? 1 : 0);
    }
}
