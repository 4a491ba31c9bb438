package ch.postwall.mailbox.cassandra;

import org.apache.james.backends.cassandra.components.CassandraModule;
import org.apache.james.blob.api.BlobReferenceSource;
import org.apache.james.mailrepository.api.MailRepositoryFactory;
import org.apache.james.mailrepository.api.MailRepositoryUrlStore;
import org.apache.james.mailrepository.api.Protocol;
import org.apache.james.mailrepository.cassandra.CassandraMailRepository;
import org.apache.james.mailrepository.cassandra.CassandraMailRepositoryFactory;
import org.apache.james.mailrepository.cassandra.CassandraMailRepositoryKeysDAO;
import org.apache.james.mailrepository.cassandra.CassandraMailRepositoryMailDaoV2;
import org.apache.james.mailrepository.cassandra.CassandraMailRepositoryUrlModule;
import org.apache.james.mailrepository.cassandra.CassandraMailRepositoryUrlStore;
import org.apache.james.mailrepository.cassandra.MailRepositoryBlobReferenceSource;
import org.apache.james.mailrepository.memory.MailRepositoryStoreConfiguration;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import ch.postwall.mailbox.repository.BackendMailRepositories;

/** Mail repositories ({@code postwall://...} and {@code cassandra://...} URLs) with their contents in the blob store. */
public class CassandraMailRepositoryBackendModule extends AbstractModule {
    private static final Protocol CASSANDRA = new Protocol("cassandra");

    @Override
    protected void configure() {
        bind(CassandraMailRepositoryUrlStore.class).in(Scopes.SINGLETON);
        bind(CassandraMailRepositoryKeysDAO.class).in(Scopes.SINGLETON);
        bind(CassandraMailRepositoryMailDaoV2.class).in(Scopes.SINGLETON);
        bind(MailRepositoryUrlStore.class).to(CassandraMailRepositoryUrlStore.class);
        // Used when mailrepositorystore.xml names no repository class, as the shipped one.
        bind(MailRepositoryStoreConfiguration.Item.class)
            .toProvider(() -> BackendMailRepositories.item(CASSANDRA, CassandraMailRepository.class));
        Multibinder.newSetBinder(binder(), MailRepositoryFactory.class).addBinding().to(CassandraMailRepositoryFactory.class);
        Multibinder.newSetBinder(binder(), BlobReferenceSource.class).addBinding().to(MailRepositoryBlobReferenceSource.class);

        Multibinder<CassandraModule> schema = Multibinder.newSetBinder(binder(), CassandraModule.class);
        schema.addBinding().toInstance(org.apache.james.mailrepository.cassandra.CassandraMailRepositoryModule.MODULE);
        schema.addBinding().toInstance(CassandraMailRepositoryUrlModule.MODULE);
    }
}
