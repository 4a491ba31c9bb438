package ch.postwall.calendar.server;

import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Authenticates CalDAV users against the mail accounts of James's users repository. */
public class UsersRepositoryCalendarAuthenticator implements CalendarAuthenticator {
    private static final Logger LOGGER = LoggerFactory.getLogger(UsersRepositoryCalendarAuthenticator.class);

    private final UsersRepository users;

    @Inject
    public UsersRepositoryCalendarAuthenticator(UsersRepository users) {
        this.users = users;
    }

    @Override
    public Optional<Username> authenticate(String user, char[] password) {
        Username username;
        try {
            username = Username.of(user);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        try {
            return users.test(username, new String(password)) ? Optional.of(username) : Optional.empty();
        } catch (UsersRepositoryException e) {
            LOGGER.warn("Could not check the CalDAV credentials of {}", username.asString(), e);
            return Optional.empty();
        }
    }
}
