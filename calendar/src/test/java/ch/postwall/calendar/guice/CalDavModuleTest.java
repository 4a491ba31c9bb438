package ch.postwall.calendar.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.net.Socket;
import java.nio.file.Path;
import java.util.Set;

import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.utils.InitializationOperation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.util.Modules;

import ch.postwall.calendar.CalendarExportStep;
import ch.postwall.calendar.CalendarProvisioner;
import ch.postwall.calendar.api.CalendarStore;
import ch.postwall.calendar.server.CalDavAccessListener;
import ch.postwall.calendar.server.CalDavConfiguration;
import ch.postwall.calendar.server.CalDavServer;
import ch.postwall.calendar.server.CalendarAuthenticator;
import ch.postwall.calendar.server.InMemoryCalendarAuthenticator;
import ch.postwall.calendar.server.TestKeystore;
import ch.postwall.calendar.store.embedded.EmbeddedCalendarStore;
import ch.postwall.calendar.store.memory.MemoryCalendarStore;
import ch.postwall.mailbox.embedded.EmbeddedDatabase;
import ch.postwall.mailbox.embedded.EmbeddedDatabaseExtension;
import ch.postwall.mailbox.lifecycle.ExportStep;
import ch.postwall.mailbox.provisioning.UserProvisioningStep;

class CalDavModuleTest {
    @RegisterExtension
    static EmbeddedDatabaseExtension databaseExtension = new EmbeddedDatabaseExtension();

    @TempDir
    Path directory;

    @Test
    void initializationShouldStartTheServerAndStopShouldCloseIt() throws Exception {
        CalDavConfiguration configuration = TestKeystore.configuration(TestKeystore.create(directory));
        Injector injector = injector(configuration);

        for (InitializationOperation operation : injector.getInstance(Key.get(new TypeLiteral<Set<InitializationOperation>>() { }))) {
            operation.initModule();
        }
        CalDavServer server = injector.getInstance(CalDavServer.class);
        int port = server.port();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            assertThat(socket.isConnected()).isTrue();
        } finally {
            server.stop();
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(java.net.ConnectException.class);
        assertThat(injector.getInstance(CalendarStore.class)).isInstanceOf(MemoryCalendarStore.class);
    }

    /** The CalDAV module on the memory store, as the server assembly gives it its dependencies. */
    static Injector injector(CalDavConfiguration configuration, Module... more) {
        return Guice.createInjector(
            Modules.override(new CalDavModule()).with(binder -> binder.bind(CalDavConfiguration.class).toInstance(configuration)),
            new MemoryCalendarStoreModule(),
            binder -> binder.bind(FileSystem.class).toInstance(mock(FileSystem.class)),
            binder -> binder.bind(CalendarAuthenticator.class).toInstance(new InMemoryCalendarAuthenticator()),
            Modules.combine(more));
    }

    @Test
    void moduleShouldContributeTheCalendarProvisionerToAccountCreation() throws Exception {
        Injector injector = injector(TestKeystore.configuration(TestKeystore.create(directory)));

        assertThat(injector.getInstance(Key.get(new TypeLiteral<Set<UserProvisioningStep>>() { })))
            .singleElement().isInstanceOf(CalendarProvisioner.class);
    }

    @Test
    void moduleShouldContributeTheCalendarsToTheExport() throws Exception {
        Injector injector = injector(TestKeystore.configuration(TestKeystore.create(directory)));

        assertThat(injector.getInstance(Key.get(new TypeLiteral<Set<ExportStep>>() { })))
            .singleElement().isInstanceOf(CalendarExportStep.class);
    }

    @Test
    void accessListenerShouldDoNothingUntilTheAccessLogBindsOne() throws Exception {
        Injector injector = injector(TestKeystore.configuration(TestKeystore.create(directory)));

        assertThat(injector.getInstance(CalDavAccessListener.class)).isSameAs(CalDavAccessListener.NONE);
    }

    @Test
    void accessListenerShouldBeTheAccessLogsWhenBound() throws Exception {
        CalDavAccessListener accessLog = access -> { };

        Injector injector = injector(TestKeystore.configuration(TestKeystore.create(directory)),
            binder -> OptionalBinder.newOptionalBinder(binder, CalDavAccessListener.class).setBinding().toInstance(accessLog));

        assertThat(injector.getInstance(CalDavAccessListener.class)).isSameAs(accessLog);
    }

    @Test
    void embeddedStoreModuleShouldBindTheDerbyStore() {
        Injector injector = Guice.createInjector(new EmbeddedCalendarStoreModule(),
            binder -> binder.bind(EmbeddedDatabase.class).toInstance(databaseExtension.database()));

        assertThat(injector.getInstance(CalendarStore.class)).isInstanceOf(EmbeddedCalendarStore.class)
            .isSameAs(injector.getInstance(CalendarStore.class));
    }
}
