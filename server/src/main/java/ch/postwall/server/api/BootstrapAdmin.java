package ch.postwall.server.api;

import java.nio.file.Path;

import javax.inject.Inject;

import org.apache.james.filesystem.api.JamesDirectoriesProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.postwall.server.roles.PasswordHash;
import ch.postwall.server.roles.RoleGrantStore;
import ch.postwall.server.roles.StaffAccount;
import ch.postwall.server.roles.StaffRole;
import ch.postwall.server.secrets.GeneratedPassword;

/**
 * The first platform admin of a fresh installation, who then creates the other staff accounts through
 * the API. With a configured password hash the account is (re)set to it at every start, so an operator
 * who lost the password sets a new hash; without one a password is generated once into the data
 * directory and used only to create the missing account. There is no default password.
 */
public class BootstrapAdmin {
    private static final Logger LOGGER = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final ApiConfiguration configuration;
    private final RoleGrantStore grants;
    private final Path dataDirectory;

    @Inject
    public BootstrapAdmin(ApiConfiguration configuration, RoleGrantStore grants, JamesDirectoriesProvider directories) {
        this.configuration = configuration;
        this.grants = grants;
        this.dataDirectory = Path.of(directories.getVarDirectory());
    }

    public void ensureExists() {
        String login = configuration.adminLogin();
        if (configuration.adminPasswordHash().isPresent()) {
            grants.putStaff(new StaffAccount(login, StaffRole.PLATFORM_ADMIN, configuration.adminPasswordHash().get()));
        } else if (grants.staff(login).isEmpty()) {
            String password = GeneratedPassword.readOrGenerate(dataDirectory, ApiConfiguration.GENERATED_ADMIN_PASSWORD_FILE,
                "API platform admin");
            grants.putStaff(new StaffAccount(login, StaffRole.PLATFORM_ADMIN, PasswordHash.hash(password.toCharArray())));
            LOGGER.info("Created the API platform admin '{}'", login);
        }
    }
}
