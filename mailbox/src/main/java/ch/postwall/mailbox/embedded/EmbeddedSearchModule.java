package ch.postwall.mailbox.embedded;

import java.io.IOException;
import java.nio.file.Path;

import javax.inject.Singleton;

import org.apache.james.events.EventListener;
import org.apache.james.filesystem.api.JamesDirectoriesProvider;
import org.apache.james.mailbox.lucene.search.LuceneMessageSearchIndex;
import org.apache.james.mailbox.model.MailboxId;
import org.apache.james.mailbox.model.MessageId;
import org.apache.james.mailbox.store.MailboxSessionMapperFactory;
import org.apache.james.mailbox.SessionProvider;
import org.apache.james.mailbox.store.search.ListeningMessageSearchIndex;
import org.apache.james.mailbox.store.search.MessageSearchIndex;
import org.apache.james.modules.mailbox.ReIndexingTaskSerializationModule;
import org.apache.james.utils.InitializationOperation;
import org.apache.james.utils.InitilizationOperationBuilder;
import org.apache.lucene.store.FSDirectory;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;

/** Lucene message search in its own directory under the data directory. */
public class EmbeddedSearchModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new ReIndexingTaskSerializationModule());
        bind(LuceneMessageSearchIndex.class).to(DurableLuceneMessageSearchIndex.class);
        bind(MessageSearchIndex.class).to(DurableLuceneMessageSearchIndex.class);
        bind(ListeningMessageSearchIndex.class).to(DurableLuceneMessageSearchIndex.class);
        Multibinder.newSetBinder(binder(), EventListener.ReactiveGroupEventListener.class)
            .addBinding().to(DurableLuceneMessageSearchIndex.class);
    }

    @Provides
    @Singleton
    DurableLuceneMessageSearchIndex provideIndex(MailboxSessionMapperFactory mapperFactory, MailboxId.Factory mailboxIdFactory,
                                                 MessageId.Factory messageIdFactory, SessionProvider sessionProvider,
                                                 JamesDirectoriesProvider directories) throws IOException {
        // James opens its index at the working-directory root; ours gets a directory of its own.
        Path indexDirectory = EmbeddedStorageLocation.luceneIndex(directories);
        return new DurableLuceneMessageSearchIndex(mapperFactory, mailboxIdFactory, FSDirectory.open(indexDirectory.toFile()),
            indexDirectory, messageIdFactory, sessionProvider);
    }

    @ProvidesIntoSet
    InitializationOperation rebuildIndexAfterCrash(SearchIndexCrashRecovery recovery) {
        return InitilizationOperationBuilder
            .forClass(SearchIndexCrashRecovery.class)
            .init(recovery::rebuildIfPreviousRunCrashed);
    }
}
