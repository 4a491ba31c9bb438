package ch.postwall.mailbox.cassandra;

import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.CoreDataModule;
import org.apache.james.backends.cassandra.components.CassandraModule;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.cassandra.CassandraDomainList;
import org.apache.james.domainlist.lib.DomainListConfiguration;
import org.apache.james.rrt.api.AliasReverseResolver;
import org.apache.james.rrt.api.CanSendFrom;
import org.apache.james.rrt.api.RecipientRewriteTable;
import org.apache.james.rrt.cassandra.CassandraRRTModule;
import org.apache.james.rrt.cassandra.CassandraRecipientRewriteTable;
import org.apache.james.rrt.lib.AliasReverseResolverImpl;
import org.apache.james.rrt.lib.CanSendFromImpl;
import org.apache.james.server.core.configuration.ConfigurationProvider;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.cassandra.CassandraRepositoryConfiguration;
import org.apache.james.user.cassandra.CassandraUsersDAO;
import org.apache.james.user.cassandra.CassandraUsersRepositoryModule;
import org.apache.james.user.lib.UsersDAO;
import org.apache.james.user.lib.UsersRepositoryImpl;
import org.apache.james.utils.InitializationOperation;
import org.apache.james.utils.InitilizationOperationBuilder;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import com.google.inject.name.Names;

import ch.postwall.mailbox.provisioning.DefaultFoldersUsersRepository;

/**
 * Users, domains and recipient rewrites on Cassandra, configured from James's {@code usersrepository.xml},
 * {@code domainlist.xml} and {@code recipientrewritetable.xml}. Users get their standard folders when added, as on
 * the embedded backend.
 */
public class CassandraDataBackendModule extends AbstractModule {
    private static final String USERS_CONFIGURATION = "usersrepository";
    private static final String RECIPIENT_REWRITE_CONFIGURATION = "recipientrewritetable";

    @Override
    protected void configure() {
        install(new CoreDataModule());

        bind(CassandraUsersDAO.class).in(Scopes.SINGLETON);
        bind(UsersDAO.class).to(CassandraUsersDAO.class);
        bind(new TypeLiteral<UsersRepositoryImpl<CassandraUsersDAO>>() { }).in(Scopes.SINGLETON);
        bind(UsersRepository.class).annotatedWith(Names.named(DefaultFoldersUsersRepository.STORAGE))
            .to(new TypeLiteral<UsersRepositoryImpl<CassandraUsersDAO>>() { });
        bind(DefaultFoldersUsersRepository.class).in(Scopes.SINGLETON);
        bind(UsersRepository.class).to(DefaultFoldersUsersRepository.class);

        bind(CassandraDomainList.class).in(Scopes.SINGLETON);
        bind(DomainList.class).to(CassandraDomainList.class);

        bind(CassandraRecipientRewriteTable.class).in(Scopes.SINGLETON);
        bind(RecipientRewriteTable.class).to(CassandraRecipientRewriteTable.class);
        bind(AliasReverseResolverImpl.class).in(Scopes.SINGLETON);
        bind(AliasReverseResolver.class).to(AliasReverseResolverImpl.class);
        bind(CanSendFromImpl.class).in(Scopes.SINGLETON);
        bind(CanSendFrom.class).to(CanSendFromImpl.class);

        Multibinder<CassandraModule> schema = Multibinder.newSetBinder(binder(), CassandraModule.class);
        schema.addBinding().toInstance(CassandraUsersRepositoryModule.MODULE);
        schema.addBinding().toInstance(org.apache.james.domainlist.cassandra.CassandraDomainListModule.MODULE);
        schema.addBinding().toInstance(CassandraRRTModule.MODULE);
    }

    @Provides
    @Singleton
    CassandraRepositoryConfiguration usersConfiguration(ConfigurationProvider configurationProvider) throws ConfigurationException {
        return CassandraRepositoryConfiguration.from(configurationProvider.getConfiguration(USERS_CONFIGURATION));
    }

    @ProvidesIntoSet
    InitializationOperation configureUsers(ConfigurationProvider configurationProvider,
                                           UsersRepositoryImpl<CassandraUsersDAO> usersRepository) {
        return InitilizationOperationBuilder
            .forClass(UsersRepositoryImpl.class)
            .init(() -> usersRepository.configure(configurationProvider.getConfiguration(USERS_CONFIGURATION)));
    }

    @ProvidesIntoSet
    InitializationOperation configureDomains(DomainListConfiguration configuration, CassandraDomainList domainList) {
        return InitilizationOperationBuilder
            .forClass(CassandraDomainList.class)
            .init(() -> domainList.configure(configuration));
    }

    @ProvidesIntoSet
    InitializationOperation configureRecipientRewrites(ConfigurationProvider configurationProvider,
                                                      CassandraRecipientRewriteTable recipientRewriteTable) {
        return InitilizationOperationBuilder
            .forClass(CassandraRecipientRewriteTable.class)
            .init(() -> recipientRewriteTable.configure(configurationProvider.getConfiguration(RECIPIENT_REWRITE_CONFIGURATION)));
    }
}
