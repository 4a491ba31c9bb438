package ch.postwall.calendar.server;

import java.util.Optional;

import org.apache.james.core.Username;

/**
 * Told of every CalDAV request once it is answered, failed authentications included: the hook of
 * the access log (issue 7). The calendar module binds a listener that does nothing; the access-log
 * feature replaces it with {@code OptionalBinder.newOptionalBinder(binder(), CalDavAccessListener.class).setBinding()}.
 * Called on the request thread: implementations must not block for long.
 */
@FunctionalInterface
public interface CalDavAccessListener {
    CalDavAccessListener NONE = access -> { };

    /**
     * One answered request. {@code user} is empty when authentication failed or was missing; {@code login} is the
     * login the client sent, also when it failed (never the password).
     */
    record Access(Optional<Username> user, Optional<String> login, String remoteAddress, String method, String path, int status) {
    }

    void requestAnswered(Access access);
}
