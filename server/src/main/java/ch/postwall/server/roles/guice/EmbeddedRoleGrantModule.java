package ch.postwall.server.roles.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

import ch.postwall.server.roles.EmbeddedRoleGrantStore;
import ch.postwall.server.roles.RoleGrantStore;

/** Role grants on the embedded backend; needs the {@code EmbeddedDatabase} it binds. Ended support grants are purged hourly. */
public class EmbeddedRoleGrantModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new RoleGrantPurgeModule());
        bind(EmbeddedRoleGrantStore.class).in(Scopes.SINGLETON);
        bind(RoleGrantStore.class).to(EmbeddedRoleGrantStore.class);
    }
}
