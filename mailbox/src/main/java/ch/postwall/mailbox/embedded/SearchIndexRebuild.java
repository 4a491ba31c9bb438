package ch.postwall.mailbox.embedded;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.lifecycle.api.Startable;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.SessionProvider;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.store.MailboxSessionMapperFactory;
import org.apache.james.mailbox.store.mail.MessageMapper;
import org.apache.james.mailbox.store.mail.model.MailboxMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.collect.Lists;

/**
 * After a crash the search index may miss changes (and mailbox events that never reached it), and an index written by
 * an earlier version holds bodies in another format: it is rebuilt from the mailboxes in the background, while the
 * server already serves. Only a completed rebuild clears the need; otherwise the next start rebuilds again.
 * <p>
 * James's reindexing empties each mailbox's index before adding its messages again, so a search meanwhile misses
 * them. Here every stored message is indexed again in place of what the index holds for it, and only what no longer
 * exists is removed: messages expunged and mailboxes deleted while their removal had not reached the index.
 */
public class SearchIndexRebuild implements Startable {
    private static final Logger LOGGER = LoggerFactory.getLogger(SearchIndexRebuild.class);
    private static final Username REBUILDER = Username.of("search-index-rebuild");
    /** Messages read from the database at once: a large mailbox is not held in memory whole. */
    private static final int MESSAGES_PER_READ = 100;
    private static final int WHOLE_RANGE = -1;

    private final DurableLuceneMessageSearchIndex index;
    private final MailboxSessionMapperFactory factory;
    private final SessionProvider sessionProvider;

    @Inject
    public SearchIndexRebuild(DurableLuceneMessageSearchIndex index, MailboxSessionMapperFactory factory, SessionProvider sessionProvider) {
        this.index = index;
        this.factory = factory;
        this.sessionProvider = sessionProvider;
    }

    public void rebuildIfNeeded() {
        if (!index.needsRebuild()) {
            return;
        }
        LOGGER.warn("Rebuilding the search index (unclean shutdown, unfinished rebuild or index of an earlier version)");
        Thread rebuilding = new Thread(this::rebuild, "search-index-rebuild");
        rebuilding.setDaemon(true);
        rebuilding.start();
    }

    /** Rebuilds the index on the calling thread. */
    void rebuild() {
        MailboxSession session = sessionProvider.createSystemSession(REBUILDER);
        try {
            // Read before the mailboxes: a mailbox created meanwhile is never taken for a deleted one.
            Set<String> indexed = index.indexedMailboxIds();
            List<Mailbox> mailboxes = factory.getMailboxMapper(session).list().collectList().block();
            forgetDeletedMailboxes(indexed, mailboxes);
            int failed = 0;
            for (Mailbox mailbox : mailboxes) {
                try {
                    rebuild(session, mailbox);
                } catch (IOException | MailboxException | RuntimeException e) {
                    failed++;
                    LOGGER.error("Cannot rebuild the search index of mailbox {}", mailbox.getMailboxId().serialize(), e);
                }
            }
            if (failed > 0) {
                LOGGER.error("The search index of {} of {} mailboxes could not be rebuilt; the next start rebuilds it again", failed, mailboxes.size());
                return;
            }
            index.rebuildCompleted();
            LOGGER.info("Search index rebuilt ({} mailboxes)", mailboxes.size());
        } catch (IOException | RuntimeException e) {
            LOGGER.error("Rebuilding the search index failed; the next start rebuilds it again", e);
        } finally {
            factory.endProcessingRequest(session);
        }
    }

    private void forgetDeletedMailboxes(Set<String> indexed, List<Mailbox> mailboxes) throws IOException {
        Set<String> existing = new HashSet<>();
        for (Mailbox mailbox : mailboxes) {
            // James writes a message's mailbox id upper-cased, its flags' as serialised.
            existing.add(mailbox.getMailboxId().serialize());
            existing.add(mailbox.getMailboxId().serialize().toUpperCase(Locale.US));
        }
        for (String id : indexed) {
            if (!existing.contains(id)) {
                index.forgetMailbox(id);
            }
        }
    }

    private void rebuild(MailboxSession session, Mailbox mailbox) throws IOException, MailboxException {
        MessageMapper messages = factory.getMessageMapper(session);
        List<MessageUid> stored = new ArrayList<>(messages.listAllMessageUids(mailbox).collectList().block());
        stored.sort(null);
        forgetExpunged(session, messages, mailbox, stored);
        for (List<MessageUid> batch : Lists.partition(stored, MESSAGES_PER_READ)) {
            Iterator<MailboxMessage> found = messages.findInMailbox(mailbox, MessageRange.range(batch.get(0), batch.get(batch.size() - 1)),
                MessageMapper.FetchType.FULL, WHOLE_RANGE);
            while (found.hasNext()) {
                index.reindex(session, found.next());
            }
        }
        if (factory.getMailboxMapper(session).findMailboxById(mailbox.getMailboxId()).blockOptional().isEmpty()) {
            // Deleted while rebuilt: its deletion may have reached the index before the messages indexed again.
            index.forgetMailbox(mailbox.getMailboxId().serialize());
        }
    }

    private void forgetExpunged(MailboxSession session, MessageMapper messages, Mailbox mailbox, List<MessageUid> stored) throws IOException {
        Set<Long> storedUids = new HashSet<>();
        stored.forEach(uid -> storedUids.add(uid.asLong()));
        List<MessageUid> notStored = index.indexedUids(mailbox.getMailboxId()).stream()
            .filter(uid -> !storedUids.contains(uid))
            .map(MessageUid::of)
            .toList();
        if (notStored.isEmpty()) {
            return;
        }
        // A message appended after the listing above may have been indexed since: it is stored by now.
        Set<MessageUid> storedNow = new HashSet<>(messages.listAllMessageUids(mailbox).collectList().block());
        index.delete(session, mailbox.getMailboxId(), notStored.stream().filter(uid -> !storedNow.contains(uid)).toList()).block();
    }
}
