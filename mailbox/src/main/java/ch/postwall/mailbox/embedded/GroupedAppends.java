package ch.postwall.mailbox.embedded;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import javax.mail.Flags;
import javax.persistence.EntityManager;

import org.apache.james.events.EventBus;
import org.apache.james.mailbox.MailboxPathLocker;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager.AppendResult;
import org.apache.james.mailbox.events.MailboxIdRegistrationKey;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.jpa.JPAMailboxSessionMapperFactory;
import org.apache.james.mailbox.jpa.mail.JPAMessageMapper;
import org.apache.james.mailbox.jpa.openjpa.OpenJPAMessageFactory;
import org.apache.james.mailbox.model.ComposedMessageId;
import org.apache.james.mailbox.model.Content;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxId;
import org.apache.james.mailbox.model.MessageId;
import org.apache.james.mailbox.model.MessageMetaData;
import org.apache.james.mailbox.model.ThreadId;
import org.apache.james.mailbox.store.event.EventFactory;
import org.apache.james.mailbox.store.mail.model.MailboxMessage;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Appends to one mailbox stored together: what arrives while a group is being stored waits for the next group, which
 * is stored in one transaction (one commit, one log write) under James's lock on the mailbox's path, its messages
 * numbered in arrival order. James stores each append in a transaction of its own under that lock, so deliveries to
 * one mailbox wait for one commit each. Holding the same lock keeps what James's own copies and moves rely on: new
 * UIDs become visible in ascending order, a group at once. The Added events are dispatched under the lock, in UID
 * order, before any append of the group returns, as James does for one. A group that fails is stored again message
 * by message, so one bad message fails only its own append.
 */
final class GroupedAppends {
    /** A message ready to be stored: parsed, checked against the quota, with its flags. */
    record Append(Mailbox mailbox, MailboxSession session, MessageId messageId, ThreadId threadId, Date internalDate,
                  Content content, AppendedContent parsed, Flags flags, boolean delivery) {
    }

    private record Waiting(Append append, Sinks.One<AppendResult> result) {
    }

    /** A mailbox's appends not yet stored; {@code work} counts the arrivals the storing thread has not yet seen. */
    private static final class Arrivals {
        final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
        final AtomicInteger work = new AtomicInteger();
    }

    private static final int MOST_PER_GROUP = 100;

    private final ConcurrentHashMap<MailboxId, Arrivals> arrivals = new ConcurrentHashMap<>();
    /** Per mailbox, the group being stored and announced, completed once all its Added events are dispatched. */
    private final ConcurrentHashMap<MailboxId, Sinks.Empty<Void>> unannounced = new ConcurrentHashMap<>();
    private final JPAMailboxSessionMapperFactory mapperFactory;
    private final OpenJPAMessageFactory messageFactory = new OpenJPAMessageFactory(OpenJPAMessageFactory.AdvancedFeature.None);
    private final EventBus eventBus;
    private final MailboxPathLocker locker;
    private final Clock clock;

    GroupedAppends(JPAMailboxSessionMapperFactory mapperFactory, EventBus eventBus, MailboxPathLocker locker, Clock clock) {
        this.mapperFactory = mapperFactory;
        this.eventBus = eventBus;
        this.locker = locker;
        this.clock = clock;
    }

    Mono<AppendResult> append(Append append) {
        return Mono.defer(() -> {
            Waiting waiting = new Waiting(append, Sinks.one());
            Arrivals mailbox = arrivals.computeIfAbsent(append.mailbox().getMailboxId(), id -> new Arrivals());
            mailbox.waiting.add(waiting);
            if (mailbox.work.getAndIncrement() == 0) {
                Schedulers.boundedElastic().schedule(() -> storeArrivals(append.mailbox().getMailboxId(), mailbox));
            }
            return waiting.result().asMono();
        });
    }

    /**
     * Completes once the messages of this mailbox committed so far are all announced. A count read before it may include
     * a group whose Added events are still being dispatched: IMAP's SELECT lists the UIDs it knows, then answers EXISTS
     * with such a count, and a client fetching 1:EXISTS would be refused a message it has not yet been told of.
     */
    Mono<Void> allAnnounced(MailboxId mailboxId) {
        return Mono.defer(() -> Optional.ofNullable(unannounced.get(mailboxId))
            // The waiting reader goes on elsewhere, not on the thread storing the next group.
            .map(group -> group.asMono().publishOn(Schedulers.boundedElastic()))
            .orElse(Mono.empty()));
    }

    /** Runs on one thread per mailbox at a time; stores groups until no arrival is left unseen. */
    private void storeArrivals(MailboxId mailboxId, Arrivals mailbox) {
        int seen = 1;
        do {
            for (List<Waiting> group = next(mailbox); !group.isEmpty(); group = next(mailbox)) {
                storeUnderLock(group);
            }
            seen = mailbox.work.addAndGet(-seen);
        } while (seen != 0);
        // An append arriving now finds this entry and starts a new run, or makes a new entry: either is stored under the lock.
        arrivals.remove(mailboxId, mailbox);
    }

    private static List<Waiting> next(Arrivals mailbox) {
        List<Waiting> group = new ArrayList<>();
        for (Waiting next = mailbox.waiting.poll(); next != null; next = mailbox.waiting.poll()) {
            group.add(next);
            if (group.size() == MOST_PER_GROUP) {
                break;
            }
        }
        return group;
    }

    private void storeUnderLock(List<Waiting> group) {
        Mailbox mailbox = group.get(0).append().mailbox();
        Sinks.Empty<Void> announced = Sinks.empty();
        List<Runnable> replies = new ArrayList<>();
        try {
            locker.executeWithLock(mailbox.generateAssociatedPath(), () -> {
                // Set before the commit, so that whoever counts this group's rows finds it here until it is announced.
                unannounced.put(mailbox.getMailboxId(), announced);
                for (Stored stored : store(group)) {
                    replies.add(stored.announceAndReply());
                }
                return null;
            }, MailboxPathLocker.LockType.Write);
        } catch (MailboxException | RuntimeException e) {
            group.forEach(waiting -> waiting.result().tryEmitError(e));
        } finally {
            unannounced.remove(mailbox.getMailboxId(), announced);
            announced.tryEmitEmpty();
        }
        replies.forEach(Runnable::run);
    }

    /** One append's outcome, announced (dispatched) under the lock and replied to after it. */
    private interface Stored {
        Runnable announceAndReply();
    }

    private List<Stored> store(List<Waiting> group) {
        try {
            List<MessageMetaData> stored = inOneTransaction(group);
            List<Stored> outcomes = new ArrayList<>();
            for (int i = 0; i < group.size(); i++) {
                outcomes.add(added(group.get(i), stored.get(i)));
            }
            return outcomes;
        } catch (MailboxException | RuntimeException groupFailed) {
            if (group.size() == 1) {
                return List.of(failed(group.get(0), groupFailed));
            }
            return group.stream()
                .map(this::storeAlone)
                .toList();
        }
    }

    private Stored storeAlone(Waiting waiting) {
        try {
            return added(waiting, inOneTransaction(List.of(waiting)).get(0));
        } catch (MailboxException | RuntimeException e) {
            return failed(waiting, e);
        }
    }

    private List<MessageMetaData> inOneTransaction(List<Waiting> group) throws MailboxException {
        JPAMessageMapper mapper = (JPAMessageMapper) mapperFactory.createMessageMapper(group.get(0).append().session());
        EntityManager entityManager = mapper.getEntityManager();
        try {
            entityManager.getTransaction().begin();
            Date saved = Date.from(clock.instant());
            List<MessageMetaData> stored = new ArrayList<>();
            for (Waiting waiting : group) {
                Append append = waiting.append();
                MailboxMessage message = messageFactory.createMessage(append.messageId(), append.threadId(), append.mailbox(),
                    append.internalDate(), saved, (int) append.content().size(), append.parsed().bodyStartOctet(),
                    append.content(), append.flags(), append.parsed().properties(), List.of());
                stored.add(mapper.add(append.mailbox(), message));
                // Rows inserted in UID order: OpenJPA's flush may order them otherwise, and a reader walking the
                // mailbox's index in UID order could then pass a row inserted behind it and return later ones.
                entityManager.flush();
            }
            entityManager.getTransaction().commit();
            return stored;
        } finally {
            if (entityManager.getTransaction().isActive()) {
                entityManager.getTransaction().rollback();
            }
            mapper.endRequest();
        }
    }

    private Stored added(Waiting waiting, MessageMetaData stored) {
        Append append = waiting.append();
        return () -> {
            eventBus.dispatch(EventFactory.added()
                    .randomEventId()
                    .mailboxSession(append.session())
                    .mailbox(append.mailbox())
                    .addMetaData(stored)
                    .isDelivery(append.delivery())
                    .build(),
                new MailboxIdRegistrationKey(append.mailbox().getMailboxId()))
                .block();
            AppendResult result = new AppendResult(
                new ComposedMessageId(append.mailbox().getMailboxId(), stored.getMessageId(), stored.getUid()),
                stored.getSize(), Optional.empty(), stored.getThreadId());
            return () -> waiting.result().tryEmitValue(result);
        };
    }

    private static Stored failed(Waiting waiting, Exception cause) {
        return () -> () -> waiting.result().tryEmitError(cause);
    }
}
