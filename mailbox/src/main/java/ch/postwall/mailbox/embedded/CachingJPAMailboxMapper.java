package ch.postwall.mailbox.embedded;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.persistence.EntityManagerFactory;

import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.jpa.mail.JPAMailboxMapper;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxId;
import org.apache.james.mailbox.model.MailboxPath;

import reactor.core.publisher.Mono;

/**
 * James's JPA mailbox mapper, looking mailboxes up in {@link RememberedMailboxes} first: every delivery read its
 * mailbox by path, then by id several times (quota root, search index), each a database query. Renames and
 * deletions go through this mapper and forget every remembered mailbox, again once committed (a read in between
 * still saw the old row); the embedded backend runs one server per database, so nothing else changes them.
 */
public class CachingJPAMailboxMapper extends JPAMailboxMapper {
    private final RememberedMailboxes remembered;
    /** Set by a change: the mapper's reactive calls run on several threads. */
    private final AtomicBoolean changed = new AtomicBoolean();

    public CachingJPAMailboxMapper(EntityManagerFactory entityManagerFactory, RememberedMailboxes remembered) {
        super(entityManagerFactory);
        this.remembered = remembered;
    }

    @Override
    public Mono<Mailbox> findMailboxByPath(MailboxPath mailboxPath) {
        return rememberedOrRead(mailboxPath, () -> super.findMailboxByPath(mailboxPath));
    }

    @Override
    public Mono<Mailbox> findMailboxById(MailboxId id) {
        return rememberedOrRead(id, () -> super.findMailboxById(id));
    }

    /**
     * Hands out copies only: James changes the mailbox it was given (a rename sets the new name on it before saving).
     * Remembered under its own path only: the database may match other spellings (Derby ignores trailing spaces).
     */
    private Mono<Mailbox> rememberedOrRead(Object key, Supplier<Mono<Mailbox>> read) {
        return remembered.getOrRead(key, read, found -> List.of(found.getMailboxId(), found.generateAssociatedPath()))
            .map(Mailbox::new);
    }

    @Override
    public Mono<MailboxId> rename(Mailbox mailbox) {
        return changing(super::rename, mailbox);
    }

    @Override
    public Mono<Void> delete(Mailbox mailbox) {
        return changing(super::delete, mailbox);
    }

    private <T> Mono<T> changing(Function<Mailbox, Mono<T>> change, Mailbox mailbox) {
        return Mono.defer(() -> {
            changed.set(true);
            remembered.forgetAll();
            return change.apply(mailbox);
        });
    }

    @Override
    protected void commit() throws MailboxException {
        try {
            super.commit();
        } finally {
            forgetIfChanged();
        }
    }

    @Override
    protected void rollback() throws MailboxException {
        try {
            super.rollback();
        } finally {
            forgetIfChanged();
        }
    }

    @Override
    public void endRequest() {
        try {
            super.endRequest();
        } finally {
            forgetIfChanged();
        }
    }

    private void forgetIfChanged() {
        if (changed.getAndSet(false)) {
            remembered.forgetAll();
        }
    }
}
