package ch.postwall.retention.guice;

import org.apache.james.user.api.UsersRepository;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.name.Names;

import ch.postwall.mailbox.provisioning.ProvisioningUsersRepository;
import ch.postwall.retention.access.AccessLoggingUsersRepository;

/**
 * Records IMAP, POP3 and SMTP AUTH logins, on either backend: the provisioning users repository
 * behind the access-logging decorator. It rebinds {@link UsersRepository}, so it must be installed
 * with {@code Modules.override(backendModules).with(this)}.
 */
public class AccessLogCaptureModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(UsersRepository.class).annotatedWith(Names.named(AccessLoggingUsersRepository.DECORATED))
            .to(ProvisioningUsersRepository.class);
        bind(AccessLoggingUsersRepository.class).in(Scopes.SINGLETON);
        bind(UsersRepository.class).to(AccessLoggingUsersRepository.class);
    }
}
