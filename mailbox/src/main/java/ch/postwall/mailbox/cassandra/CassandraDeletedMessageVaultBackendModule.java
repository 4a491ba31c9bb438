package ch.postwall.mailbox.cassandra;

import org.apache.james.backends.cassandra.components.CassandraModule;
import org.apache.james.mailbox.cassandra.DeleteMessageListener;
import org.apache.james.modules.vault.DeletedMessageVaultModule;
import org.apache.james.vault.dto.DeletedMessageWithStorageInformationConverter;
import org.apache.james.vault.metadata.CassandraDeletedMessageMetadataVault;
import org.apache.james.vault.metadata.DeletedMessageMetadataModule;
import org.apache.james.vault.metadata.DeletedMessageMetadataVault;
import org.apache.james.vault.metadata.DeletedMessageVaultDeletionCallback;
import org.apache.james.vault.metadata.MetadataDAO;
import org.apache.james.vault.metadata.StorageInformationDAO;
import org.apache.james.vault.metadata.UserPerBucketDAO;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

/**
 * The deleted-messages vault: deleted mails go to the blob store, their metadata to Cassandra. Whether it keeps
 * anything is James's {@code deletedMessageVault.properties} ({@code enabled}, {@code retentionPeriod}).
 */
public class CassandraDeletedMessageVaultBackendModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new DeletedMessageVaultModule());
        bind(MetadataDAO.class).in(Scopes.SINGLETON);
        bind(StorageInformationDAO.class).in(Scopes.SINGLETON);
        bind(UserPerBucketDAO.class).in(Scopes.SINGLETON);
        bind(DeletedMessageWithStorageInformationConverter.class).in(Scopes.SINGLETON);
        bind(CassandraDeletedMessageMetadataVault.class).in(Scopes.SINGLETON);
        bind(DeletedMessageMetadataVault.class).to(CassandraDeletedMessageMetadataVault.class);
        Multibinder.newSetBinder(binder(), DeleteMessageListener.DeletionCallback.class)
            .addBinding().to(DeletedMessageVaultDeletionCallback.class);
        Multibinder.newSetBinder(binder(), CassandraModule.class).addBinding().toInstance(DeletedMessageMetadataModule.MODULE);
    }
}
