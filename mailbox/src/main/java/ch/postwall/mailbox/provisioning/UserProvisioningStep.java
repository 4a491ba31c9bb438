package ch.postwall.mailbox.provisioning;

import org.apache.james.core.Username;

/**
 * What one feature gives every account when it is created (standard folders, a default calendar,
 * ...). Contributed with {@code Multibinder.newSetBinder(binder(), UserProvisioningStep.class)} and
 * run by {@link ProvisioningUsersRepository} in binding order, right after the user is stored.
 * A step must be idempotent: it leaves what exists as it is and only adds what is missing.
 */
public interface UserProvisioningStep {
    /** What the step provisions, for messages: "default folders". */
    String description();

    void provision(Username username) throws Exception;
}
