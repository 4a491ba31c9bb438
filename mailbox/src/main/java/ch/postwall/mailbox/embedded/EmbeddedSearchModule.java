package ch.postwall.mailbox.embedded;



import org.apache.james.events.EventListener;
import org.apache.james.mailbox.lucene.search.LuceneMessageSearchIndex;
import org.apache.james.mailbox.store.search.ListeningMessageSearchIndex;
import org.apache.james.mailbox.store.search.MessageSearchIndex;
import org.apache.james.modules.mailbox.ReIndexingTaskSerializationModule;
import org.apache.james.utils.InitializationOperation;
import org.apache.james.utils.InitilizationOperationBuilder;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;

/** Lucene message search in its own directory under the data directory. */
public class EmbeddedSearchModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new ReIndexingTaskSerializationModule());
        bind(DurableLuceneMessageSearchIndex.class).in(Scopes.SINGLETON);
        bind(LuceneMessageSearchIndex.class).to(DurableLuceneMessageSearchIndex.class);
        bind(MessageSearchIndex.class).to(DurableLuceneMessageSearchIndex.class);
        bind(ListeningMessageSearchIndex.class).to(DurableLuceneMessageSearchIndex.class);
        Multibinder.newSetBinder(binder(), EventListener.ReactiveGroupEventListener.class)
            .addBinding().to(DurableLuceneMessageSearchIndex.class);
    }

    @ProvidesIntoSet
    InitializationOperation rebuildIndexWhenNeeded(SearchIndexRebuild rebuild) {
        return InitilizationOperationBuilder
            .forClass(SearchIndexRebuild.class)
            .init(rebuild::rebuildIfNeeded);
    }
}
