package ch.postwall.mailbox.embedded;

import java.io.IOException;

import javax.inject.Singleton;

import org.apache.james.events.EventListener;
import org.apache.james.filesystem.api.JamesDirectoriesProvider;
import org.apache.james.mailbox.lucene.search.LuceneMessageSearchIndex;
import org.apache.james.mailbox.store.search.ListeningMessageSearchIndex;
import org.apache.james.mailbox.store.search.MessageSearchIndex;
import org.apache.james.modules.mailbox.ReIndexingTaskSerializationModule;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

/** Lucene message search in its own directory under the data directory. */
public class EmbeddedSearchModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new ReIndexingTaskSerializationModule());
        bind(LuceneMessageSearchIndex.class).in(Scopes.SINGLETON);
        bind(MessageSearchIndex.class).to(LuceneMessageSearchIndex.class);
        bind(ListeningMessageSearchIndex.class).to(LuceneMessageSearchIndex.class);
        Multibinder.newSetBinder(binder(), EventListener.ReactiveGroupEventListener.class)
            .addBinding().to(LuceneMessageSearchIndex.class);
    }

    @Provides
    @Singleton
    Directory provideLuceneDirectory(JamesDirectoriesProvider directories) throws IOException {
        // James opens its index at the working-directory root; ours gets a directory of its own.
        return FSDirectory.open(EmbeddedStorageLocation.luceneIndex(directories).toFile());
    }
}
