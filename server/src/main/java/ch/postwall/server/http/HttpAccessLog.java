package ch.postwall.server.http;

import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;

import ch.postwall.retention.access.AccessRecorder;
import ch.postwall.retention.access.AccessType;

/**
 * Records one answered HTTP request (REST API, WebAdmin, CalDAV) in the access log: who, from where, and how it
 * ended. A request naming no account is not an access to an account and is not recorded; nor is anything of its
 * credentials but the login.
 */
public class HttpAccessLog {
    private final AccessRecorder recorder;

    @Inject
    public HttpAccessLog(AccessRecorder recorder) {
        this.recorder = recorder;
    }

    /** @param account the authenticated account, or the login a failed attempt claimed */
    public void record(Optional<String> account, AccessType type, String remoteIp, int status) {
        account.flatMap(HttpAccessLog::username)
            .ifPresent(username -> recorder.record(username, type, remoteIp, failureReason(status)));
    }

    static Optional<String> failureReason(int status) {
        if (status == 401) {
            return Optional.of("invalid credentials");
        }
        if (status == 403) {
            return Optional.of("forbidden");
        }
        return status >= 400 ? Optional.of("HTTP " + status) : Optional.empty();
    }

    private static Optional<Username> username(String login) {
        try {
            return Optional.of(Username.of(login));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
