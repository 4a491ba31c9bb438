package ch.postwall.retention.access;

import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.util.MDCBuilder;
import org.slf4j.MDC;

import ch.postwall.mailbox.provisioning.ForwardingUsersRepository;

/**
 * Records every password check in the access log. James checks IMAP and POP3 logins (through the mailbox
 * {@code Authenticator}) and SMTP AUTH with {@link UsersRepository#test}, on the protocol's thread where it
 * has put the protocol and the client's address in the SLF4J MDC.
 */
public class AccessLoggingUsersRepository extends ForwardingUsersRepository {
    /** Name of the binding of the repository this one decorates (on the embedded backend, the default-folders one). */
    public static final String DECORATED = "access-logged";
    static final String UNKNOWN_IP = "unknown";

    private final AccessRecorder recorder;

    @Inject
    public AccessLoggingUsersRepository(@Named(DECORATED) UsersRepository storage, AccessRecorder recorder) {
        super(storage);
        this.recorder = recorder;
    }

    @Override
    public boolean test(Username name, String password) throws UsersRepositoryException {
        try {
            boolean valid = storage.test(name, password);
            record(name, valid ? Optional.empty() : Optional.of("invalid credentials"));
            return valid;
        } catch (UsersRepositoryException | RuntimeException e) {
            record(name, Optional.of("authentication error"));
            throw e;
        }
    }

    private void record(Username name, Optional<String> failureReason) {
        AccessType type = Optional.ofNullable(MDC.get(MDCBuilder.PROTOCOL))
            .flatMap(AccessType::fromProtocol)
            .orElse(AccessType.OTHER);
        String remoteIp = Optional.ofNullable(MDC.get(MDCBuilder.IP)).orElse(UNKNOWN_IP);
        recorder.record(name, type, remoteIp, failureReason);
    }
}
