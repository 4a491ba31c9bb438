package ch.postwall.filter.protocollog.guice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.apache.james.utils.PropertiesProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;

import ch.postwall.filter.protocollog.EmbeddedProtocolLogStore;
import ch.postwall.filter.protocollog.MemoryProtocolLogStore;
import ch.postwall.filter.protocollog.ProtocolLogConfiguration;
import ch.postwall.filter.protocollog.ProtocolLogPurger;
import ch.postwall.filter.protocollog.ProtocolLogStore;
import ch.postwall.filter.protocollog.smtp.SmtpProtocolLogHandler;
import ch.postwall.mailbox.embedded.EmbeddedDatabase;
import ch.postwall.mailbox.embedded.EmbeddedDatabaseExtension;

class ProtocolLogGuiceModulesTest {
    @RegisterExtension
    EmbeddedDatabaseExtension databaseExtension = new EmbeddedDatabaseExtension();

    private Module jamesProvided() {
        return binder -> {
            binder.bind(Clock.class).toInstance(Clock.systemUTC());
            binder.bind(PropertiesProvider.class).toInstance(PropertiesProvider.forTesting());
            binder.bind(EmbeddedDatabase.class).toInstance(databaseExtension.database());
        };
    }

    @Test
    void memoryModuleShouldBindSingletonStorePurgerAndHandler() {
        Injector injector = Guice.createInjector(jamesProvided(), new ProtocolLogModule(), new MemoryProtocolLogModule());

        assertThat(injector.getInstance(ProtocolLogStore.class)).isInstanceOf(MemoryProtocolLogStore.class)
            .isSameAs(injector.getInstance(ProtocolLogStore.class));
        assertThat(injector.getInstance(ProtocolLogConfiguration.class)).isEqualTo(ProtocolLogConfiguration.DEFAULT);
        assertThat(injector.getInstance(ProtocolLogPurger.class)).isSameAs(injector.getInstance(ProtocolLogPurger.class));
        assertThat(injector.getInstance(SmtpProtocolLogHandler.class)).isNotNull();
    }

    @Test
    void embeddedModuleShouldBindEmbeddedStore() {
        Injector injector = Guice.createInjector(jamesProvided(), new ProtocolLogModule(), new EmbeddedProtocolLogModule());

        assertThat(injector.getInstance(ProtocolLogStore.class)).isInstanceOf(EmbeddedProtocolLogStore.class)
            .isSameAs(injector.getInstance(ProtocolLogStore.class));
    }
}
