package ch.postwall.server.roles;

import java.util.Objects;

import com.google.common.base.Preconditions;

/**
 * A staff member's account.
 *
 * @param login        the staff login, not a mail address
 * @param role         what the account may do
 * @param passwordHash the encoded {@link PasswordHash}, never the password
 */
public record StaffAccount(String login, StaffRole role, String passwordHash) {
    public static final String LOGIN_PATTERN = "[a-z0-9._-]{1,64}";

    public StaffAccount {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Preconditions.checkArgument(login.matches(LOGIN_PATTERN),
            "Staff login must be 1-64 characters of a-z, 0-9, '.', '_' or '-'");
    }
}
