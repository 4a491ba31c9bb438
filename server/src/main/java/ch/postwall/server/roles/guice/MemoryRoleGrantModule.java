package ch.postwall.server.roles.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

import ch.postwall.server.roles.MemoryRoleGrantStore;
import ch.postwall.server.roles.RoleGrantStore;

/** Role grants on the memory backend. Ended support grants are purged hourly. */
public class MemoryRoleGrantModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new RoleGrantPurgeModule());
        bind(MemoryRoleGrantStore.class).in(Scopes.SINGLETON);
        bind(RoleGrantStore.class).to(MemoryRoleGrantStore.class);
    }
}
