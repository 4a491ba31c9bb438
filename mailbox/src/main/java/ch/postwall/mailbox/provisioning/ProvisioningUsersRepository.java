package ch.postwall.mailbox.provisioning;

import java.util.Iterator;
import java.util.Set;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.user.api.model.User;
import org.reactivestreams.Publisher;

/**
 * The backend's users repository, running every {@link UserProvisioningStep} for each user it adds.
 * Users are added by WebAdmin and by our own provisioning alike, so this is the one place that sees
 * them all.
 */
public class ProvisioningUsersRepository implements UsersRepository {
    /** Name of the binding of the backend's own repository, which this one decorates. */
    public static final String STORAGE = "storage";

    private final UsersRepository storage;
    private final Set<UserProvisioningStep> steps;

    @Inject
    public ProvisioningUsersRepository(@Named(STORAGE) UsersRepository storage, Set<UserProvisioningStep> steps) {
        this.storage = storage;
        this.steps = steps;
    }

    @Override
    public void addUser(Username username, String password) throws UsersRepositoryException {
        storage.addUser(username, password);
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
    public User getUserByName(Username name) throws UsersRepositoryException {
        return storage.getUserByName(name);
    }

    @Override
    public void updateUser(User user) throws UsersRepositoryException {
        storage.updateUser(user);
    }

    @Override
    public void removeUser(Username name) throws UsersRepositoryException {
        storage.removeUser(name);
    }

    @Override
    public boolean contains(Username name) throws UsersRepositoryException {
        return storage.contains(name);
    }

    @Override
    public Publisher<Boolean> containsReactive(Username name) {
        return storage.containsReactive(name);
    }

    @Override
    public boolean test(Username name, String password) throws UsersRepositoryException {
        return storage.test(name, password);
    }

    @Override
    public int countUsers() throws UsersRepositoryException {
        return storage.countUsers();
    }

    @Override
    public Iterator<Username> list() throws UsersRepositoryException {
        return storage.list();
    }

    @Override
    public Publisher<Username> listReactive() {
        return storage.listReactive();
    }

    @Override
    public boolean supportVirtualHosting() throws UsersRepositoryException {
        return storage.supportVirtualHosting();
    }

    @Override
    public Username getUsername(MailAddress mailAddress) throws UsersRepositoryException {
        return storage.getUsername(mailAddress);
    }

    @Override
    public MailAddress getMailAddressFor(Username username) throws UsersRepositoryException {
        return storage.getMailAddressFor(username);
    }

    @Override
    public boolean isAdministrator(Username username) throws UsersRepositoryException {
        return storage.isAdministrator(username);
    }

    @Override
    public boolean isReadOnly() {
        return storage.isReadOnly();
    }

    @Override
    public void assertValid(Username username) throws UsersRepositoryException {
        storage.assertValid(username);
    }
}
