package ch.postwall.filter.policy;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import ch.postwall.mailbox.lifecycle.DeletionCounts;
import ch.postwall.mailbox.lifecycle.WipeStep;

/** Deletes a user's own filter policy, or a domain's policy with those of its users. */
public record DomainPolicyWipeStep(DomainPolicyStore store) implements WipeStep {
    public static final String NAME = "filter-policies";
    static final String POLICIES = "filterPolicies";

    @Inject
    public DomainPolicyWipeStep {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DeletionCounts wipeUser(Username user) {
        boolean present = store.userPolicy(user).isPresent();
        store.deleteUserPolicy(user);
        return DeletionCounts.of(POLICIES, present ? 1 : 0);
    }

    @Override
    public DeletionCounts wipeDomain(Domain domain) {
        return DeletionCounts.of(POLICIES, store.deleteDomain(domain));
    }
}
