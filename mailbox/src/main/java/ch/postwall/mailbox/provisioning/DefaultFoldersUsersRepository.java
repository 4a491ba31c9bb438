package ch.postwall.mailbox.provisioning;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.Username;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;

/**
 * The backend's users repository, creating the standard folders of every user it adds. Users are
 * added by WebAdmin and by our own provisioning alike, so this is the one place that sees them all.
 */
public class DefaultFoldersUsersRepository extends ForwardingUsersRepository {
    /** Name of the binding of the backend's own repository, which this one decorates. */
    public static final String STORAGE = "storage";

    private final DefaultFolders defaultFolders;

    @Inject
    public DefaultFoldersUsersRepository(@Named(STORAGE) UsersRepository storage, DefaultFolders defaultFolders) {
        super(storage);
        this.defaultFolders = defaultFolders;
    }

    @Override
    public void addUser(Username username, String password) throws UsersRepositoryException {
        storage.addUser(username, password);
        try {
            defaultFolders.provision(username);
        } catch (MailboxException e) {
            throw new UsersRepositoryException("User " + username.asString() + " was created, but not its default folders", e);
        }
    }
}
