package ch.postwall.server.api;

import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.postwall.retention.access.AccessLoggingUsersRepository;
import ch.postwall.server.http.BasicCredentials;
import ch.postwall.server.roles.PasswordHash;
import ch.postwall.server.roles.Principal;
import ch.postwall.server.roles.RoleGrantStore;

/**
 * HTTP Basic authentication: a login with {@code @} is a mail user checked against James's users
 * repository, one without is a staff login checked against its PBKDF2 hash. The principal is built
 * per request, so revoked grants take effect at once. Mail users are checked against the repository behind the
 * access-logging one: the API server records each request itself, with its outcome.
 */
public class ApiAuthenticator {
    private static final Logger LOGGER = LoggerFactory.getLogger(ApiAuthenticator.class);

    private final UsersRepository users;
    private final RoleGrantStore grants;

    @Inject
    public ApiAuthenticator(@Named(AccessLoggingUsersRepository.DECORATED) UsersRepository users, RoleGrantStore grants) {
        this.users = users;
        this.grants = grants;
    }

    public Optional<Principal> authenticate(Optional<BasicCredentials> credentials) {
        return credentials.flatMap(this::authenticate);
    }

    private Optional<Principal> authenticate(BasicCredentials credentials) {
        String login = credentials.login();
        String password = credentials.password();
        if (login.contains("@")) {
            return mailUser(login, password);
        }
        return grants.staff(login)
            .filter(account -> PasswordHash.verify(password.toCharArray(), account.passwordHash()))
            .map(Principal::staff);
    }

    private Optional<Principal> mailUser(String login, String password) {
        try {
            Username username = Username.of(login);
            if (!users.test(username, password)) {
                return Optional.empty();
            }
            return Optional.of(Principal.mailUser(username, grants.administeredDomains(username)));
        } catch (UsersRepositoryException | IllegalArgumentException e) {
            LOGGER.warn("API authentication of a mail user failed: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
