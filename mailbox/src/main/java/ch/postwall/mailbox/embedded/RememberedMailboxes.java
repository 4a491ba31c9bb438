package ch.postwall.mailbox.embedded;

import java.time.Duration;

import org.apache.james.mailbox.model.Mailbox;

/**
 * The mailboxes {@link CachingJPAMailboxMapper}s have read, shared by all of them: each under its id and under its
 * path (keys of both kinds in one cache, forgotten together).
 */
public class RememberedMailboxes extends ForgettingCache<Object, Mailbox> {
    public RememberedMailboxes() {
        super(20_000, Duration.ofMinutes(1));
    }
}
