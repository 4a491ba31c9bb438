package ch.postwall.mailbox.embedded;

import javax.inject.Inject;

import org.apache.james.lifecycle.api.Startable;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.indexer.ReIndexer;
import org.apache.james.task.TaskManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a crash the search index may miss changes (and mailbox events that never reached it):
 * it is rebuilt from the mailboxes as a background task, while the server already serves.
 */
public class SearchIndexCrashRecovery implements Startable {
    private static final Logger LOGGER = LoggerFactory.getLogger(SearchIndexCrashRecovery.class);

    private final DurableLuceneMessageSearchIndex index;
    private final ReIndexer reIndexer;
    private final TaskManager taskManager;

    @Inject
    public SearchIndexCrashRecovery(DurableLuceneMessageSearchIndex index, ReIndexer reIndexer, TaskManager taskManager) {
        this.index = index;
        this.reIndexer = reIndexer;
        this.taskManager = taskManager;
    }

    public void rebuildIfPreviousRunCrashed() throws MailboxException {
        if (index.previousRunCrashed()) {
            LOGGER.warn("The previous run did not shut down cleanly: rebuilding the search index");
            taskManager.submit(reIndexer.reIndex(ReIndexer.RunningOptions.DEFAULT));
        }
    }
}
