package ch.postwall.mailbox.provisioning;

import org.apache.james.user.api.UsersRepository;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

/**
 * Makes {@link UsersRepository} the provisioning decorator of the backend's repository, which the
 * backend module binds as {@code @Named(ProvisioningUsersRepository.STORAGE)}, with the standard
 * folders as the first provisioning step; removal steps come from the features that need them.
 */
public class UserProvisioningModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(ProvisioningUsersRepository.class).in(Scopes.SINGLETON);
        bind(UsersRepository.class).to(ProvisioningUsersRepository.class);
        bind(DefaultFolders.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), UserProvisioningStep.class).addBinding().to(DefaultFolders.class);
        // Declared so that a backend without anything to delete at removal still has the (empty) set.
        Multibinder.newSetBinder(binder(), UserRemovalStep.class);
    }
}
