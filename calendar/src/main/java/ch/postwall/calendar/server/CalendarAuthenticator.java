package ch.postwall.calendar.server;

import java.util.Optional;

import org.apache.james.core.Username;

/** Checks the credentials of HTTP Basic authentication; the server wires it to its users repository. */
public interface CalendarAuthenticator {
    /** The authenticated user, empty when the credentials are wrong. */
    Optional<Username> authenticate(String user, char[] password);
}
