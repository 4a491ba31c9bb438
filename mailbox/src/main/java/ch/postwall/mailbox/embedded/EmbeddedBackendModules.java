package ch.postwall.mailbox.embedded;

import com.google.inject.Module;
import com.google.inject.util.Modules;

/** Everything the embedded backend binds: one machine, nothing to install, data under one directory. */
public final class EmbeddedBackendModules {
    public static final Module ALL = Modules.combine(
        new EmbeddedDatabaseModule(),
        new EmbeddedDataModule(),
        new EmbeddedMailboxModule(),
        new EmbeddedSearchModule(),
        new EmbeddedQueueModule());

    private EmbeddedBackendModules() {
    }
}
