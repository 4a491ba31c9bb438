package ch.postwall.retention.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import ch.postwall.mailbox.lifecycle.ExportStep;
import ch.postwall.retention.export.MailboxExportStep;
import ch.postwall.retention.export.RetentionSettingsExportStep;
import ch.postwall.retention.export.UserExport;

/**
 * The user export for every backend: mail and retention settings as steps, other modules' steps through the
 * {@link ExportStep} set binder. Needs a retention policy store module.
 */
public class ExportModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder<ExportStep> steps = Multibinder.newSetBinder(binder(), ExportStep.class);
        steps.addBinding().to(MailboxExportStep.class);
        steps.addBinding().to(RetentionSettingsExportStep.class);
        bind(UserExport.class).in(Scopes.SINGLETON);
    }
}
