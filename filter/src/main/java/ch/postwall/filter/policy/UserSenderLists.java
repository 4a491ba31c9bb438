package ch.postwall.filter.policy;

import java.util.function.UnaryOperator;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;

import ch.postwall.filter.config.FilterConfiguration;

/**
 * Puts a sender on one user's allow or block list. A user's policy replaces the domain's as a whole, so
 * the user's first own policy starts as a copy of the policy in effect for them.
 */
public class UserSenderLists {
    private final DomainPolicyStore store;
    private final DomainPolicy installationDefault;

    @Inject
    public UserSenderLists(DomainPolicyStore store, FilterConfiguration configuration) {
        this(store, configuration.defaultPolicy());
    }

    public UserSenderLists(DomainPolicyStore store, DomainPolicy installationDefault) {
        this.store = store;
        this.installationDefault = installationDefault;
    }

    public void allow(Username user, MailAddress sender) {
        update(user, policy -> policy.allowing(sender.asString()));
    }

    public void block(Username user, MailAddress sender) {
        update(user, policy -> policy.blocking(sender.asString()));
    }

    // Read-modify-write: serialised so two changes on this node do not lose one another.
    private synchronized void update(Username user, UnaryOperator<DomainPolicy> change) {
        store.setUserPolicy(user, change.apply(store.effectivePolicy(user, installationDefault)));
    }
}
