package ch.postwall.calendar.guice;

import java.io.FileNotFoundException;

import javax.inject.Singleton;

import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.utils.InitializationOperation;
import org.apache.james.utils.InitilizationOperationBuilder;
import org.apache.james.utils.PropertiesProvider;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.multibindings.ProvidesIntoSet;

import ch.postwall.calendar.CalendarExporter;
import ch.postwall.calendar.CalendarProvisioner;
import ch.postwall.calendar.api.CalendarStore;
import ch.postwall.calendar.dav.handler.CalDavDispatcher;
import ch.postwall.calendar.server.CalDavConfiguration;
import ch.postwall.calendar.server.CalDavServer;

/**
 * The CalDAV server, started with the James lifecycle and stopped through its {@code @PreDestroy}.
 * Needs a {@link CalendarStore} (one of the store modules) and a
 * {@link ch.postwall.calendar.server.CalendarAuthenticator} binding from the server assembly, and
 * {@code caldav.properties} in the configuration directory.
 */
public class CalDavModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(CalDavServer.class).in(Scopes.SINGLETON);
        bind(CalendarProvisioner.class).in(Scopes.SINGLETON);
        bind(CalendarExporter.class).in(Scopes.SINGLETON);
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
