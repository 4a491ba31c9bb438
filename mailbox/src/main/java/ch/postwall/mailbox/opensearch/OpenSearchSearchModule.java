package ch.postwall.mailbox.opensearch;

import java.io.FileNotFoundException;

import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.core.healthcheck.HealthCheck;
import org.apache.james.events.EventListener;
import org.apache.james.mailbox.store.search.ListeningMessageSearchIndex;
import org.apache.james.mailbox.store.search.MessageSearchIndex;
import org.apache.james.utils.InitializationOperation;
import org.apache.james.utils.InitilizationOperationBuilder;
import org.apache.james.utils.PropertiesProvider;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;

import ch.postwall.mailbox.provisioning.UserRemovalStep;

/**
 * Binds {@link OpenSearchMessageSearchIndex} as the mailbox's search index and registers it as a
 * mailbox event listener. Reads {@code opensearch.properties}; creates the index at start; deletes a
 * user's documents when the user is removed.
 * Needs the mailbox's {@code MailboxSessionMapperFactory}, {@code SessionProvider} and {@code MessageId.Factory}.
 */
public class OpenSearchSearchModule extends AbstractModule {
    public static final String CONFIGURATION_NAME = "opensearch";

    @Override
    protected void configure() {
        bind(OpenSearchMessageSearchIndex.class).in(Scopes.SINGLETON);
        bind(MessageSearchIndex.class).to(OpenSearchMessageSearchIndex.class);
        bind(ListeningMessageSearchIndex.class).to(OpenSearchMessageSearchIndex.class);

        Multibinder.newSetBinder(binder(), EventListener.ReactiveGroupEventListener.class)
            .addBinding()
            .to(OpenSearchMessageSearchIndex.class);
        bind(OpenSearchHealthCheck.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), HealthCheck.class).addBinding().to(OpenSearchHealthCheck.class);
        bind(SearchIndexRedelivery.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), UserRemovalStep.class).addBinding().to(SearchIndexUserRemoval.class);
    }

    @Provides
    @Singleton
    OpenSearchConfiguration provideConfiguration(PropertiesProvider propertiesProvider) throws ConfigurationException, FileNotFoundException {
        return OpenSearchConfiguration.from(propertiesProvider.getConfiguration(CONFIGURATION_NAME));
    }

    @Provides
    @Singleton
    OpenSearchHttp provideHttp(OpenSearchConfiguration configuration) {
        return OpenSearchHttp.create(configuration);
    }

    @Provides
    @Singleton
    TikaAttachmentTextExtractor provideAttachmentTextExtractor(OpenSearchConfiguration configuration) {
        return new TikaAttachmentTextExtractor(configuration);
    }

    @ProvidesIntoSet
    InitializationOperation createIndex(OpenSearchMessageSearchIndex index) {
        return InitilizationOperationBuilder
            .forClass(OpenSearchMessageSearchIndex.class)
            .init(index::createIndexIfMissing);
    }

    @ProvidesIntoSet
    InitializationOperation redeliverFailedIndexing(SearchIndexRedelivery redelivery) {
        return InitilizationOperationBuilder
            .forClass(SearchIndexRedelivery.class)
            .init(redelivery::start);
    }
}
