package ch.postwall.server.api.guice;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;

import javax.inject.Singleton;

import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.filesystem.api.JamesDirectoriesProvider;
import org.apache.james.utils.InitializationOperation;
import org.apache.james.utils.InitilizationOperationBuilder;
import org.apache.james.utils.PropertiesProvider;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;

import ch.postwall.mailbox.lifecycle.ExportStep;
import ch.postwall.mailbox.lifecycle.WipeStep;
import ch.postwall.server.api.ApiAuthenticator;
import ch.postwall.server.api.ApiConfiguration;
import ch.postwall.server.api.ApiRouteGroup;
import ch.postwall.server.api.ApiRoutes;
import ch.postwall.server.api.ApiServer;
import ch.postwall.server.api.BootstrapAdmin;
import ch.postwall.server.api.PemSslContext;
import ch.postwall.server.api.RoleRoutes;
import ch.postwall.server.api.UserProvisioningRoutes;
import ch.postwall.server.audit.AuditLogUserData;
import ch.postwall.server.http.HttpAccessLog;
import ch.postwall.server.tls.SelfSignedCertificate;

/**
 * The REST API on its HTTPS port, from {@code api.properties} (all defaults when absent). Needs the
 * stores (message trace, protocol log, role grants, audit log) from the backend's modules, James's
 * {@code UsersRepository}, a {@link ch.postwall.server.api.QuarantineAccess} and a {@link Clock}.
 */
public class ApiModule extends AbstractModule {
    public static final String CONFIGURATION_FILE = "api";

    @Override
    protected void configure() {
        Multibinder<ApiRouteGroup> routeGroups = Multibinder.newSetBinder(binder(), ApiRouteGroup.class);
        routeGroups.addBinding().to(ApiRoutes.class);
        routeGroups.addBinding().to(RoleRoutes.class);
        routeGroups.addBinding().to(UserProvisioningRoutes.class);
        bind(AuditLogUserData.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), ExportStep.class).addBinding().to(AuditLogUserData.class);
        Multibinder.newSetBinder(binder(), WipeStep.class).addBinding().to(AuditLogUserData.class);
    }

    @Provides
    @Singleton
    ApiConfiguration configuration(PropertiesProvider propertiesProvider) throws ConfigurationException {
        try {
            return ApiConfiguration.from(propertiesProvider.getConfiguration(CONFIGURATION_FILE));
        } catch (FileNotFoundException e) {
            return ApiConfiguration.DEFAULT;
        }
    }

    @Provides
    @Singleton
    ApiServer server(ApiConfiguration configuration, JamesDirectoriesProvider directories, Clock clock,
                     ApiAuthenticator authenticator, HttpAccessLog accessLog, Set<ApiRouteGroup> routeGroups) {
        SelfSignedCertificate selfSigned = new SelfSignedCertificate(Path.of(directories.getVarDirectory()), clock);
        if (configuration.privateKey().isEmpty()) {
            selfSigned.ensureExists();
        }
        return new ApiServer(configuration,
            PemSslContext.of(configuration.privateKey().orElse(selfSigned.privateKeyFile()),
                configuration.certificate().orElse(selfSigned.certificateFile())),
            authenticator, accessLog, routeGroups);
    }

    @ProvidesIntoSet
    InitializationOperation startApi(ApiServer server, BootstrapAdmin bootstrapAdmin) {
        return InitilizationOperationBuilder.forClass(ApiServer.class).init(() -> {
            bootstrapAdmin.ensureExists();
            server.start();
        });
    }
}
