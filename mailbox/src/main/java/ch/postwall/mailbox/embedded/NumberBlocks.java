package ch.postwall.mailbox.embedded;

import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;

import org.apache.james.backends.jpa.EntityManagerUtils;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.jpa.mail.model.JPAMailbox;

/**
 * Per-mailbox counters (UIDs, mod-sequences) handed out from blocks reserved in the database. James's
 * JPA providers commit one transaction per number, that is two synchronous log writes per delivered
 * message, inside the mailbox's write lock. Here one transaction reserves {@value #BLOCK_SIZE} numbers.
 * A number is handed out only after its reservation is committed, so none is ever reused after a
 * crash; the reserved but unused ones are skipped, which IMAP allows (UIDs and mod-sequences must
 * increase, not be contiguous). One JVM owns the embedded database (the data directory is locked),
 * so the in-memory blocks are the only allocator.
 */
final class NumberBlocks {
    static final int BLOCK_SIZE = 100;

    private static final class Block {
        private long next = 1;
        private long limit = 0;
    }

    private final EntityManagerFactory factory;
    private final ToLongFunction<JPAMailbox> consume;
    private final String counterName;
    private final ConcurrentHashMap<Long, Block> blocks = new ConcurrentHashMap<>();

    /** {@code consume} increments the mailbox's stored counter by one and returns its new value. */
    NumberBlocks(EntityManagerFactory factory, ToLongFunction<JPAMailbox> consume, String counterName) {
        this.factory = factory;
        this.consume = consume;
        this.counterName = counterName;
    }

    long next(long mailboxId) throws MailboxException {
        Block block = blocks.computeIfAbsent(mailboxId, id -> new Block());
        synchronized (block) {
            if (block.next > block.limit) {
                long highest = reserve(mailboxId);
                block.next = highest - BLOCK_SIZE + 1;
                block.limit = highest;
            }
            return block.next++;
        }
    }

    /** The last number this JVM handed out for the mailbox; empty when it has reserved none yet. */
    OptionalLong last(long mailboxId) {
        Block block = blocks.get(mailboxId);
        if (block == null) {
            return OptionalLong.empty();
        }
        synchronized (block) {
            return block.limit == 0 ? OptionalLong.empty() : OptionalLong.of(block.next - 1);
        }
    }

    private long reserve(long mailboxId) throws MailboxException {
        EntityManager manager = factory.createEntityManager();
        try {
            manager.getTransaction().begin();
            JPAMailbox mailbox = manager.find(JPAMailbox.class, mailboxId);
            long highest = 0;
            for (int i = 0; i < BLOCK_SIZE; i++) {
                highest = consume.applyAsLong(mailbox);
            }
            manager.persist(mailbox);
            manager.getTransaction().commit();
            return highest;
        } catch (PersistenceException e) {
            if (manager.getTransaction().isActive()) {
                manager.getTransaction().rollback();
            }
            throw new MailboxException("Unable to reserve " + counterName + "s for mailbox " + mailboxId, e);
        } finally {
            EntityManagerUtils.safelyClose(manager);
        }
    }
}
