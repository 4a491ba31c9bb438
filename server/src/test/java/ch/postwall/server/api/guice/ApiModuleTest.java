package ch.postwall.server.api.guice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;

import org.apache.james.domainlist.lib.DomainListConfiguration;
import org.apache.james.domainlist.memory.MemoryDomainList;
import org.apache.james.filesystem.api.JamesDirectoriesProvider;
import org.apache.james.UserEntityValidator;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.memory.MemoryUsersRepository;
import org.apache.james.utils.InitializationOperation;
import org.apache.james.utils.PropertiesProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.name.Names;

import ch.postwall.filter.protocollog.guice.MemoryProtocolLogModule;
import ch.postwall.filter.protocollog.guice.ProtocolLogModule;
import ch.postwall.filter.trace.guice.MemoryMessageTraceModule;
import ch.postwall.filter.trace.guice.MessageTraceModule;
import ch.postwall.retention.access.AccessLoggingUsersRepository;
import ch.postwall.retention.guice.AccessLogModule;
import ch.postwall.retention.guice.MemoryAccessLogModule;
import ch.postwall.server.PostwallDirectories;
import ch.postwall.server.api.ApiServer;
import ch.postwall.server.api.MemoryQuarantineAccess;
import ch.postwall.server.api.QuarantineAccess;
import ch.postwall.server.audit.guice.MemoryAuditLogModule;
import ch.postwall.server.roles.guice.MemoryRoleGrantModule;

class ApiModuleTest {
    @TempDir
    Path dataDirectory;

    @Test
    void apiModuleShouldStartTheHttpsServerOnTheSelfSignedCertificateWhenNoneConfigured() throws Exception {
        MemoryDomainList domains = new MemoryDomainList(null);
        domains.configure(DomainListConfiguration.builder().autoDetect(false).autoDetectIp(false).build());
        Injector injector = Guice.createInjector(
            binder -> {
                binder.bind(Clock.class).toInstance(Clock.systemUTC());
                binder.bind(PropertiesProvider.class).toInstance(PropertiesProvider.forTesting());
                binder.bind(JamesDirectoriesProvider.class).toInstance(new PostwallDirectories(dataDirectory, dataDirectory));
                binder.bind(UserEntityValidator.class).toInstance(UserEntityValidator.NOOP);
                UsersRepository users = MemoryUsersRepository.withVirtualHosting(domains);
                binder.bind(UsersRepository.class).toInstance(users);
                binder.bind(UsersRepository.class).annotatedWith(Names.named(AccessLoggingUsersRepository.DECORATED))
                    .toInstance(users);
                binder.bind(QuarantineAccess.class).toInstance(new MemoryQuarantineAccess());
            },
            new MemoryAuditLogModule(),
            new MessageTraceModule(), new MemoryMessageTraceModule(), new ProtocolLogModule(), new MemoryProtocolLogModule(),
            new MemoryRoleGrantModule(), new AccessLogModule(), new MemoryAccessLogModule(), new ApiModule());

        ApiServer server = injector.getInstance(ApiServer.class);
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Set<InitializationOperation>>() { })))
            .anyMatch(operation -> operation.forClass().equals(ApiServer.class));
        server.start();
        try {
            assertThat(dataDirectory.resolve("tls/selfsigned-cert.pem")).exists();
            assertThat(server.port()).isPositive();
        } finally {
            server.stop();
        }
    }
}
