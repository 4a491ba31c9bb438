package ch.postwall.mailbox.embedded;

import com.google.inject.Module;
import com.google.inject.util.Modules;

import ch.postwall.mailbox.events.EmbeddedDeadLettersModule;
import ch.postwall.mailbox.queue.FileMailQueueModule;

/** Everything the embedded backend binds: one machine, nothing to install, data under one directory. */
public final class EmbeddedBackendModules {
    public static final Module ALL = Modules.combine(
        new EmbeddedDatabaseModule(),
        new EmbeddedDataModule(),
        new EmbeddedMailboxModule(),
        new EmbeddedSearchModule(),
        new EmbeddedDeadLettersModule(),
        new FileMailQueueModule());

    private EmbeddedBackendModules() {
    }
}
