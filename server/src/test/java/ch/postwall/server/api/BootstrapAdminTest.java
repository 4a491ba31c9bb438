package ch.postwall.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ch.postwall.mailbox.testing.ControllableClock;
import ch.postwall.server.PostwallDirectories;
import ch.postwall.server.roles.MemoryRoleGrantStore;
import ch.postwall.server.roles.PasswordHash;
import ch.postwall.server.roles.StaffAccount;
import ch.postwall.server.roles.StaffRole;

class BootstrapAdminTest {
    @TempDir
    Path dataDirectory;

    private MemoryRoleGrantStore grants;

    @BeforeEach
    void setUp() {
        grants = new MemoryRoleGrantStore(new ControllableClock(Instant.parse("2026-11-20T10:00:00Z")));
    }

    private void ensureExists(ApiConfiguration configuration) {
        new BootstrapAdmin(configuration, grants, new PostwallDirectories(dataDirectory, dataDirectory)).ensureExists();
    }

    @Test
    void ensureExistsShouldCreateThePlatformAdminWithAPasswordGeneratedIntoTheDataDirectoryWhenNoHashConfigured() throws Exception {
        ensureExists(ApiConfiguration.DEFAULT);

        Path file = dataDirectory.resolve(ApiConfiguration.GENERATED_ADMIN_PASSWORD_FILE);
        String password = Files.readString(file, StandardCharsets.UTF_8).trim();
        assertThat(password).hasSizeGreaterThanOrEqualTo(24);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(grants.staff("admin")).hasValueSatisfying(account -> {
            assertThat(account.role()).isEqualTo(StaffRole.PLATFORM_ADMIN);
            assertThat(PasswordHash.verify(password.toCharArray(), account.passwordHash())).isTrue();
        });
    }

    @Test
    void ensureExistsShouldLeaveAnExistingAccountAloneWhenNoHashConfigured() {
        StaffAccount existing = new StaffAccount("admin", StaffRole.PLATFORM_ADMIN, PasswordHash.hash("changed".toCharArray(), 1000));
        grants.putStaff(existing);

        ensureExists(ApiConfiguration.DEFAULT);

        assertThat(grants.staff("admin")).contains(existing);
        assertThat(dataDirectory.resolve(ApiConfiguration.GENERATED_ADMIN_PASSWORD_FILE)).doesNotExist();
    }

    @Test
    void ensureExistsShouldSetTheConfiguredHashWhenGiven() {
        grants.putStaff(new StaffAccount("root", StaffRole.SUPPORT, PasswordHash.hash("old".toCharArray(), 1000)));
        String hash = PasswordHash.hash("new secret".toCharArray(), 1000);

        ensureExists(ApiConfiguration.builder().adminLogin("root").adminPasswordHash(hash).build());

        assertThat(grants.staff("root")).contains(new StaffAccount("root", StaffRole.PLATFORM_ADMIN, hash));
        assertThat(dataDirectory.resolve(ApiConfiguration.GENERATED_ADMIN_PASSWORD_FILE)).doesNotExist();
    }
}
