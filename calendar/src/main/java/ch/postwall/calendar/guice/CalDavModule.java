package ch.postwall.calendar.guice;

import java.io.FileNotFoundException;
import java.nio.file.Path;

import javax.inject.Singleton;

import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.utils.InitializationOperation;
import org.apache.james.utils.InitilizationOperationBuilder;
import org.apache.james.utils.PropertiesProvider;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.multibindings.ProvidesIntoSet;

import ch.postwall.calendar.CalendarExportStep;
import ch.postwall.calendar.CalendarExporter;
import ch.postwall.calendar.CalendarProvisioner;
import ch.postwall.calendar.api.CalendarStore;
import ch.postwall.calendar.dav.handler.CalDavDispatcher;
import ch.postwall.calendar.server.CalDavAccessListener;
import ch.postwall.calendar.server.CalDavConfiguration;
import ch.postwall.calendar.server.CalDavServer;
import ch.postwall.calendar.server.LocationResolver;
import ch.postwall.calendar.server.TlsIdentity;
import ch.postwall.mailbox.lifecycle.ExportStep;
import ch.postwall.mailbox.provisioning.UserProvisioningStep;

/**
 * The CalDAV server, started with the James lifecycle and stopped through its {@code @PreDestroy}.
 * Needs a {@link CalendarStore} (one of the store modules) and a
 * {@link ch.postwall.calendar.server.CalendarAuthenticator} binding from the server assembly, and
 * {@code caldav.properties} in the configuration directory. New accounts get their default calendar
 * and task list through the {@link UserProvisioningStep} set, and users' exports get their calendars through the
 * {@link ExportStep} set; CalDAV requests go to a {@link CalDavAccessListener} that does nothing unless the access log binds its own.
 */
public class CalDavModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(CalDavServer.class).in(Scopes.SINGLETON);
        bind(CalendarProvisioner.class).in(Scopes.SINGLETON);
        bind(CalendarExporter.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), UserProvisioningStep.class).addBinding().to(CalendarProvisioner.class);
        Multibinder.newSetBinder(binder(), ExportStep.class).addBinding().to(CalendarExportStep.class);
        OptionalBinder.newOptionalBinder(binder(), CalDavAccessListener.class).setDefault().toInstance(CalDavAccessListener.NONE);
    }

    /**
     * Locations are James file URLs ({@code file://var/tls/...}, {@code file://conf/...}) or paths;
     * a relative path is taken below the data directory, like {@code file://var/}.
     */
    @Provides
    @Singleton
    LocationResolver locations(FileSystem fileSystem) {
        return location -> {
            if (location.contains(":")) {
                return fileSystem.getFile(location).toPath();
            }
            Path path = Path.of(location);
            return path.isAbsolute() ? path : fileSystem.getFile(FileSystem.FILE_PROTOCOL_AND_VAR + location).toPath();
        };
    }

    @Provides
    @Singleton
    TlsIdentity tlsIdentity(CalDavConfiguration configuration, LocationResolver locations) {
        return configuration.tls().load(locations);
    }

    @Provides
    @Singleton
    CalDavConfiguration configuration(PropertiesProvider properties) throws FileNotFoundException, ConfigurationException {
        return CalDavConfiguration.from(properties.getConfiguration("caldav"));
    }

    @Provides
    @Singleton
    CalDavDispatcher dispatcher(CalendarStore store, CalDavConfiguration configuration) {
        return CalDavDispatcher.create(store, configuration.maxObjectSize());
    }

    @ProvidesIntoSet
    InitializationOperation startCalDav(CalDavServer server) {
        return InitilizationOperationBuilder.forClass(CalDavServer.class).init(server::start);
    }
}
