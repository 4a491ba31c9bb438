package ch.postwall.server.api.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

import ch.postwall.filter.policy.UserSenderLists;
import ch.postwall.filter.quarantine.QuarantineRelease;
import ch.postwall.server.api.QuarantineAccess;
import ch.postwall.server.api.RepositoryQuarantineAccess;

/**
 * The API's quarantine over the filter's repositories: needs the filter's {@code Quarantine}, its
 * configuration and policy store, a {@code ReleaseClaimStore} from the backend's modules, and James's
 * mail queues (releases go back to the spool).
 */
public class QuarantineAccessModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(QuarantineRelease.class).in(Scopes.SINGLETON);
        bind(UserSenderLists.class).in(Scopes.SINGLETON);
        bind(RepositoryQuarantineAccess.class).in(Scopes.SINGLETON);
        bind(QuarantineAccess.class).to(RepositoryQuarantineAccess.class);
    }
}
