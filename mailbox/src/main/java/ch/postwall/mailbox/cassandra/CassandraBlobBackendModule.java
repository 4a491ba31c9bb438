package ch.postwall.mailbox.cassandra;

import javax.inject.Named;

import org.apache.james.backends.cassandra.components.CassandraModule;
import org.apache.james.blob.api.BlobId;
import org.apache.james.blob.api.BlobStore;
import org.apache.james.blob.api.BlobStoreDAO;
import org.apache.james.blob.api.BucketName;
import org.apache.james.blob.api.HashBlobId;
import org.apache.james.blob.api.MetricableBlobStore;
import org.apache.james.blob.cassandra.CassandraBlobModule;
import org.apache.james.blob.cassandra.CassandraBlobStoreDAO;
import org.apache.james.blob.cassandra.CassandraDefaultBucketDAO;
import org.apache.james.server.blob.deduplication.PassThroughBlobStore;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.name.Names;

/**
 * Blobs (message bodies, attachments, vault and mail repository contents) in Cassandra itself, measured. Each save
 * is its own blob (no deduplication), so that deleting a message, an expired mail or a wiped account deletes its
 * content too: a deduplicating store cannot delete a shared blob and keeps every content until a garbage collection.
 */
public class CassandraBlobBackendModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(CassandraDefaultBucketDAO.class).in(Scopes.SINGLETON);
        bind(CassandraBlobStoreDAO.class).in(Scopes.SINGLETON);
        bind(BlobStoreDAO.class).to(CassandraBlobStoreDAO.class);
        bind(BucketName.class).annotatedWith(Names.named(BlobStore.DEFAULT_BUCKET_NAME_QUALIFIER)).toInstance(BucketName.DEFAULT);
        bind(HashBlobId.Factory.class).in(Scopes.SINGLETON);
        bind(BlobId.Factory.class).to(HashBlobId.Factory.class);
        bind(PassThroughBlobStore.class).in(Scopes.SINGLETON);
        bind(MetricableBlobStore.class).in(Scopes.SINGLETON);
        bind(BlobStore.class).to(MetricableBlobStore.class);

        Multibinder.newSetBinder(binder(), CassandraModule.class).addBinding().toInstance(CassandraBlobModule.MODULE);
    }

    /** The store the metrics wrap. */
    @Provides
    @Singleton
    @Named(MetricableBlobStore.BLOB_STORE_IMPLEMENTATION)
    BlobStore measuredBlobStore(PassThroughBlobStore store) {
        return store;
    }
}
