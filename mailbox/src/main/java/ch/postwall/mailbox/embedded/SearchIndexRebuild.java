package ch.postwall.mailbox.embedded;

import java.time.Duration;

import javax.inject.Inject;

import org.apache.james.lifecycle.api.Startable;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.indexer.ReIndexer;
import org.apache.james.task.TaskId;
import org.apache.james.task.TaskManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * After a crash the search index may miss changes (and mailbox events that never reached it), and an index written by
 * an earlier version holds bodies in another format: it is rebuilt from the mailboxes as a background task, while the
 * server already serves. Only a completed rebuild clears the need; otherwise the next start rebuilds again.
 */
public class SearchIndexRebuild implements Startable {
    private static final Logger LOGGER = LoggerFactory.getLogger(SearchIndexRebuild.class);
    private static final Duration LONGEST_REBUILD = Duration.ofDays(30);

    private final DurableLuceneMessageSearchIndex index;
    private final ReIndexer reIndexer;
    private final TaskManager taskManager;

    @Inject
    public SearchIndexRebuild(DurableLuceneMessageSearchIndex index, ReIndexer reIndexer, TaskManager taskManager) {
        this.index = index;
        this.reIndexer = reIndexer;
        this.taskManager = taskManager;
    }

    public void rebuildIfNeeded() throws MailboxException {
        if (!index.needsRebuild()) {
            return;
        }
        LOGGER.warn("Rebuilding the search index (unclean shutdown, unfinished rebuild or index of an earlier version)");
        TaskId task = taskManager.submit(reIndexer.reIndex(ReIndexer.RunningOptions.DEFAULT));
        Mono.fromCallable(() -> taskManager.await(task, LONGEST_REBUILD))
            .subscribeOn(Schedulers.boundedElastic())
            .subscribe(details -> {
                if (details.getStatus() == TaskManager.Status.COMPLETED) {
                    index.rebuildCompleted();
                    LOGGER.info("Search index rebuilt");
                } else {
                    LOGGER.error("Rebuilding the search index ended {}; the next start rebuilds it again", details.getStatus());
                }
            }, failure -> LOGGER.error("Rebuilding the search index failed; the next start rebuilds it again", failure));
    }
}
