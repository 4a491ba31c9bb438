package ch.postwall.mailbox.provisioning;

import org.apache.james.core.Username;

/**
 * What one feature deletes when an account is removed from the users repository (e.g. through WebAdmin), such as
 * search index documents that must not outlive the account. Contributed with
 * {@code Multibinder.newSetBinder(binder(), UserRemovalStep.class)} and run by {@link ProvisioningUsersRepository}
 * right after the user is removed. A step must be idempotent: removing again deletes what is left.
 */
public interface UserRemovalStep {
    /** What the step deletes, for messages: "search index documents". */
    String description();

    void remove(Username username) throws Exception;
}
