package ch.postwall.retention.guice;

import java.io.FileNotFoundException;

import javax.inject.Singleton;

import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.utils.InitializationOperation;
import org.apache.james.utils.InitilizationOperationBuilder;
import org.apache.james.utils.PropertiesProvider;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;

import ch.postwall.mailbox.lifecycle.ExportStep;
import ch.postwall.mailbox.lifecycle.WipeStep;
import ch.postwall.retention.export.ExportArchivePurger;
import ch.postwall.retention.export.ExportArchives;
import ch.postwall.retention.export.ExportConfiguration;
import ch.postwall.retention.export.MailboxExportStep;
import ch.postwall.retention.export.RetentionSettingsExportStep;
import ch.postwall.retention.export.UserExport;
import ch.postwall.retention.wipe.ExportArchivesWipeStep;

/**
 * The user export for every backend: mail and retention settings as steps, other modules' steps through the
 * {@link ExportStep} set binder; requested archives under the data directory, purged when they expire
 * ({@code export.properties}, optional), and deleted with a wiped contract. Needs a retention policy store module.
 */
public class ExportModule extends AbstractModule {
    public static final String CONFIGURATION_FILE = "export";

    @Override
    protected void configure() {
        Multibinder<ExportStep> steps = Multibinder.newSetBinder(binder(), ExportStep.class);
        steps.addBinding().to(MailboxExportStep.class);
        steps.addBinding().to(RetentionSettingsExportStep.class);
        bind(UserExport.class).in(Scopes.SINGLETON);
        bind(ExportArchives.class).in(Scopes.SINGLETON);
        bind(ExportArchivePurger.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), WipeStep.class).addBinding().to(ExportArchivesWipeStep.class);
    }

    @Provides
    @Singleton
    ExportConfiguration configuration(PropertiesProvider propertiesProvider) throws ConfigurationException {
        try {
            return ExportConfiguration.from(propertiesProvider.getConfiguration(CONFIGURATION_FILE));
        } catch (FileNotFoundException e) {
            return ExportConfiguration.DEFAULT;
        }
    }

    @ProvidesIntoSet
    InitializationOperation startPurger(ExportArchivePurger purger) {
        return InitilizationOperationBuilder.forClass(ExportArchivePurger.class).init(purger::start);
    }
}
