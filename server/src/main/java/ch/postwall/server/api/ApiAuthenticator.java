package ch.postwall.server.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.postwall.server.roles.PasswordHash;
import ch.postwall.server.roles.Principal;
import ch.postwall.server.roles.RoleGrantStore;

/**
 * HTTP Basic authentication: a login with {@code @} is a mail user checked against James's users
 * repository, one without is a staff login checked against its PBKDF2 hash. The principal is built
 * per request, so revoked grants take effect at once.
 */
public class ApiAuthenticator {
    private static final Logger LOGGER = LoggerFactory.getLogger(ApiAuthenticator.class);
    private static final String BASIC = "Basic ";

    private final UsersRepository users;
    private final RoleGrantStore grants;

    @Inject
    public ApiAuthenticator(UsersRepository users, RoleGrantStore grants) {
        this.users = users;
        this.grants = grants;
    }

    public Optional<Principal> authenticate(Optional<String> authorization) {
        return authorization.filter(header -> header.startsWith(BASIC))
            .flatMap(header -> decode(header.substring(BASIC.length()).trim()))
            .flatMap(this::authenticate);
    }

    private Optional<Principal> authenticate(String[] credentials) {
        String login = credentials[0];
        String password = credentials[1];
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

    private static Optional<String[]> decode(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? Optional.empty()
                : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
