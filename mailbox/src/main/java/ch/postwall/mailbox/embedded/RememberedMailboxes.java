package ch.postwall.mailbox.embedded;

import java.time.Duration;
import java.util.Optional;

import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxId;
import org.apache.james.mailbox.model.MailboxPath;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;

/**
 * The mailboxes {@link CachingJPAMailboxMapper}s have read, by id and by path, shared by all of them. Callers get
 * copies: James changes the {@link Mailbox} it was given (a rename sets the new name on it before saving).
 * <p>
 * A read that started before a change could otherwise put the old mailbox back after the change forgot it: each
 * read notes the {@link #version()} before it starts, and what it found is only remembered if nothing was forgotten
 * meanwhile.
 */
public class RememberedMailboxes {
    private static final int MAILBOXES_REMEMBERED = 10_000;
    /** Bounds staleness should a change ever bypass the mapper. */
    private static final Duration REMEMBERED_FOR = Duration.ofMinutes(1);

    private final Cache<MailboxId, Mailbox> byId = newCache();
    private final Cache<MailboxPath, Mailbox> byPath = newCache();
    private long version;

    private static <K> Cache<K, Mailbox> newCache() {
        return CacheBuilder.newBuilder()
            .maximumSize(MAILBOXES_REMEMBERED)
            .expireAfterWrite(REMEMBERED_FOR)
            .build();
    }

    public Optional<Mailbox> byId(MailboxId id) {
        return Optional.ofNullable(byId.getIfPresent(id)).map(Mailbox::new);
    }

    public Optional<Mailbox> byPath(MailboxPath path) {
        return Optional.ofNullable(byPath.getIfPresent(path)).map(Mailbox::new);
    }

    public synchronized long version() {
        return version;
    }

    /** Remembers a mailbox read from the database, unless something was forgotten since {@code versionBeforeRead}. */
    public synchronized void remember(long versionBeforeRead, Mailbox mailbox) {
        if (version == versionBeforeRead) {
            Mailbox copy = new Mailbox(mailbox);
            byId.put(copy.getMailboxId(), copy);
            // Under its own path only: the database may match other spellings (Derby ignores trailing spaces).
            byPath.put(copy.generateAssociatedPath(), copy);
        }
    }

    public synchronized void forgetAll() {
        version++;
        byId.invalidateAll();
        byPath.invalidateAll();
    }
}
