package ch.postwall.calendar.server;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.james.core.Username;

/** Accounts for tests: user name to password. */
public class InMemoryCalendarAuthenticator implements CalendarAuthenticator {
    private final Map<String, char[]> passwords = new ConcurrentHashMap<>();

    public InMemoryCalendarAuthenticator withUser(String user, String password) {
        passwords.put(user, password.toCharArray());
        return this;
    }

    @Override
    public Optional<Username> authenticate(String user, char[] password) {
        return Optional.ofNullable(passwords.get(user))
            .filter(expected -> Arrays.equals(expected, password))
            .map(any -> Username.of(user));
    }
}
