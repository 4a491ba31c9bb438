package ch.postwall.retention.guice;

import org.apache.james.mailbox.store.StoreMailboxAnnotationManager;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

import ch.postwall.retention.imap.RetentionAnnotationManager;

/**
 * Shows each folder's retention to IMAP clients as a read-only METADATA entry, on either backend. James's mailbox
 * managers take the store's annotation manager by class, so this rebinds that class and must be installed with
 * {@code Modules.override(backendModules).with(this)}. Needs a retention policy store module.
 */
public class RetentionAnnotationModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(RetentionAnnotationManager.class).in(Scopes.SINGLETON);
        bind(StoreMailboxAnnotationManager.class).to(RetentionAnnotationManager.class);
    }
}
