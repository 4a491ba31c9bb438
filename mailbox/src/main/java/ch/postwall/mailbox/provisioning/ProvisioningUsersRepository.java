package ch.postwall.mailbox.provisioning;

import java.util.Set;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;

/**
 * The backend's users repository, running every {@link UserProvisioningStep} for each user it adds and every
 * {@link UserRemovalStep} for each user it removes. Users are added and removed by WebAdmin and by our own
 * provisioning and wipe alike, so this is the one place that sees them all.
 */
public class ProvisioningUsersRepository extends ForwardingUsersRepository {
    /** Name of the binding of the backend's own repository, which this one decorates. */
    public static final String STORAGE = "storage";

    private final Set<UserProvisioningStep> steps;
    private final Set<UserRemovalStep> removalSteps;

    @Inject
    public ProvisioningUsersRepository(@Named(STORAGE) UsersRepository storage, Set<UserProvisioningStep> steps,
                                       Set<UserRemovalStep> removalSteps) {
        super(storage);
        this.steps = steps;
        this.removalSteps = removalSteps;
    }

    @Override
    public void addUser(Username username, String password) throws UsersRepositoryException {
        super.addUser(username, password);
        for (UserProvisioningStep step : steps) {
            try {
                step.provision(username);
            } catch (Exception e) {
                throw new UsersRepositoryException("User " + username.asString() + " was created, but not its "
                    + step.description(), e);
            }
        }
    }

    @Override
    public void removeUser(Username username) throws UsersRepositoryException {
        super.removeUser(username);
        for (UserRemovalStep step : removalSteps) {
            try {
                step.remove(username);
            } catch (Exception e) {
                throw new UsersRepositoryException("User " + username.asString() + " was removed, but not its "
                    + step.description(), e);
            }
        }
    }
}
