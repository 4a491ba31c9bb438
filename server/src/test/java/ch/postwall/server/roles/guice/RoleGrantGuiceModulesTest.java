package ch.postwall.server.roles.guice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;

import ch.postwall.mailbox.embedded.EmbeddedDatabase;
import ch.postwall.mailbox.embedded.EmbeddedDatabaseExtension;
import ch.postwall.server.roles.AccessPolicy;
import ch.postwall.server.roles.EmbeddedRoleGrantStore;
import ch.postwall.server.roles.MemoryRoleGrantStore;
import ch.postwall.server.roles.RoleGrantPurger;
import ch.postwall.server.roles.RoleGrantStore;

class RoleGrantGuiceModulesTest {
    @RegisterExtension
    EmbeddedDatabaseExtension databaseExtension = new EmbeddedDatabaseExtension();

    private Module serverProvided() {
        return binder -> {
            binder.bind(Clock.class).toInstance(Clock.systemUTC());
            binder.bind(EmbeddedDatabase.class).toInstance(databaseExtension.database());
        };
    }

    @Test
    void memoryModuleShouldBindSingletonStorePurgerAndPolicy() {
        Injector injector = Guice.createInjector(serverProvided(), new MemoryRoleGrantModule());

        assertThat(injector.getInstance(RoleGrantStore.class)).isInstanceOf(MemoryRoleGrantStore.class)
            .isSameAs(injector.getInstance(RoleGrantStore.class));
        assertThat(injector.getInstance(RoleGrantPurger.class)).isSameAs(injector.getInstance(RoleGrantPurger.class));
        assertThat(injector.getInstance(AccessPolicy.class)).isNotNull();
    }

    @Test
    void embeddedModuleShouldBindEmbeddedStore() {
        Injector injector = Guice.createInjector(serverProvided(), new EmbeddedRoleGrantModule());

        assertThat(injector.getInstance(RoleGrantStore.class)).isInstanceOf(EmbeddedRoleGrantStore.class)
            .isSameAs(injector.getInstance(RoleGrantStore.class));
    }
}
