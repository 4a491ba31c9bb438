package ch.postwall.mailbox.embedded;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import javax.inject.Inject;
import javax.persistence.EntityManagerFactory;

import org.apache.james.core.Username;
import org.apache.james.sieve.jpa.JPASieveRepository;
import org.apache.james.sieverepository.api.ScriptContent;
import org.apache.james.sieverepository.api.ScriptName;
import org.apache.james.sieverepository.api.exception.DuplicateException;
import org.apache.james.sieverepository.api.exception.IsActiveException;
import org.apache.james.sieverepository.api.exception.QuotaExceededException;
import org.apache.james.sieverepository.api.exception.ScriptNotFoundException;
import org.apache.james.sieverepository.api.exception.StorageException;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;

/**
 * James's JPA Sieve repository, remembering each user's active script: the Sieve mailet reads it (twice: its
 * activation date, then its content) for every recipient of every mail, most users have none, and each read was a
 * database query. Every change to a user's scripts goes through this repository and forgets what it remembered for
 * that user; the embedded backend runs one server per database, so nothing else changes them behind its back.
 */
public class CachingJPASieveRepository extends JPASieveRepository {
    private static final int USERS_REMEMBERED = 10_000;
    /** Bounds staleness should a change ever bypass this repository, or race with a read that started before it. */
    private static final Duration REMEMBERED_FOR = Duration.ofMinutes(1);

    private record ActiveScript(ZonedDateTime activationDate, byte[] content) {
    }

    private final Cache<Username, Optional<ActiveScript>> activeScripts = CacheBuilder.newBuilder()
        .maximumSize(USERS_REMEMBERED)
        .expireAfterWrite(REMEMBERED_FOR)
        .build();

    @Inject
    public CachingJPASieveRepository(EntityManagerFactory entityManagerFactory) {
        super(entityManagerFactory);
    }

    @Override
    public ZonedDateTime getActivationDateForActiveScript(Username username) throws StorageException, ScriptNotFoundException {
        return activeScript(username).activationDate();
    }

    @Override
    public InputStream getActive(Username username) throws ScriptNotFoundException, StorageException {
        return new ByteArrayInputStream(activeScript(username).content());
    }

    private ActiveScript activeScript(Username username) throws ScriptNotFoundException, StorageException {
        try {
            return activeScripts.get(username, () -> readActiveScript(username))
                .orElseThrow(() -> new NoActiveScript(username));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StorageException storage) {
                throw storage;
            }
            throw new StorageException("Unable to find active script for user " + username.asString(), e.getCause());
        }
    }

    /**
     * The usual answer (most users have no script), given for every recipient of every mail and caught by the Sieve
     * mailet: without a stack trace, which cost more than the rest of the look-up.
     */
    private static final class NoActiveScript extends ScriptNotFoundException {
        private NoActiveScript(Username username) {
            super("Unable to find active script for user " + username.asString());
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private Optional<ActiveScript> readActiveScript(Username username) throws StorageException, IOException {
        try {
            ZonedDateTime activationDate = super.getActivationDateForActiveScript(username);
            try (InputStream content = super.getActive(username)) {
                return Optional.of(new ActiveScript(activationDate, content.readAllBytes()));
            }
        } catch (ScriptNotFoundException noActiveScript) {
            return Optional.empty();
        }
    }

    @Override
    public void putScript(Username username, ScriptName name, ScriptContent content) throws StorageException, QuotaExceededException {
        try {
            super.putScript(username, name, content);
        } finally {
            activeScripts.invalidate(username);
        }
    }

    @Override
    public void setActive(Username username, ScriptName name) throws ScriptNotFoundException, StorageException {
        try {
            super.setActive(username, name);
        } finally {
            activeScripts.invalidate(username);
        }
    }

    @Override
    public void deleteScript(Username username, ScriptName name) throws ScriptNotFoundException, IsActiveException, StorageException {
        try {
            super.deleteScript(username, name);
        } finally {
            activeScripts.invalidate(username);
        }
    }

    @Override
    public void renameScript(Username username, ScriptName oldName, ScriptName newName)
        throws ScriptNotFoundException, DuplicateException, StorageException {
        try {
            super.renameScript(username, oldName, newName);
        } finally {
            activeScripts.invalidate(username);
        }
    }
}
