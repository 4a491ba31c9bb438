package ch.postwall.filter;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.FileNotFoundException;
import java.util.Set;

import org.apache.commons.configuration2.BaseConfiguration;
import org.apache.james.core.Username;
import org.apache.james.dnsservice.api.DNSService;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.utils.PropertiesProvider;
import org.apache.james.webadmin.Routes;
import org.junit.jupiter.api.Test;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;

import ch.postwall.filter.config.FilterConfiguration;
import ch.postwall.filter.mailet.ToQuarantine;
import ch.postwall.filter.policy.MemoryDomainPolicyModule;
import ch.postwall.filter.quarantine.MemoryQuarantine;
import ch.postwall.filter.quarantine.Quarantine;
import ch.postwall.filter.scan.RspamdClient;
import ch.postwall.filter.scan.SpamScanner;
import ch.postwall.filter.scan.SpamdClient;
import ch.postwall.filter.sender.FakeDnsService;
import ch.postwall.filter.smtp.FilterMessageHook;
import ch.postwall.filter.trace.guice.MemoryMessageTraceModule;
import ch.postwall.filter.trace.MessageTraceConfiguration;
import ch.postwall.filter.webadmin.DomainPolicyRoutes;

class FilterModuleTest {
    private static Injector injector(PropertiesProvider propertiesProvider) {
        return Guice.createInjector(new FilterModule(), new MemoryDomainPolicyModule(), new MemoryMessageTraceModule(),
            binder -> {
            binder.bind(Clock.class).toInstance(Clock.systemUTC());
            binder.bind(MessageTraceConfiguration.class).toInstance(MessageTraceConfiguration.DEFAULT);
            binder.bind(DNSService.class).toInstance(new FakeDnsService());
            binder.bind(PropertiesProvider.class).toInstance(propertiesProvider);
            binder.bind(MailRepositoryStore.class).toInstance(mailRepositoryStore());
        });
    }

    private static MailRepositoryStore mailRepositoryStore() {
        try {
            return MemoryQuarantine.store();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PropertiesProvider providing(BaseConfiguration configuration) throws Exception {
        PropertiesProvider provider = mock(PropertiesProvider.class);
        when(provider.getConfiguration("filter")).thenReturn(configuration);
        return provider;
    }

    @Test
    void injectorShouldBuildTheHookAsASingleton() throws Exception {
        Injector injector = injector(providing(new BaseConfiguration()));

        assertThat(injector.getInstance(FilterMessageHook.class)).isSameAs(injector.getInstance(FilterMessageHook.class));
    }

    @Test
    void injectorShouldBuildTheQuarantineMailetFromTheConfiguredQuarantine() throws Exception {
        Injector injector = injector(providing(new BaseConfiguration()));

        assertThat(injector.getInstance(ToQuarantine.class)).isNotNull();
        assertThat(injector.getInstance(Quarantine.class).urlOf(Username.of("alice@example.com")).asString())
            .isEqualTo(FilterConfiguration.DEFAULT_QUARANTINE_PREFIX + "alice@example.com");
    }

    @Test
    void injectorShouldContributeThePolicyRoutes() throws Exception {
        Set<Routes> routes = injector(providing(new BaseConfiguration())).getInstance(Key.get(new TypeLiteral<Set<Routes>>() { }));

        assertThat(routes).hasAtLeastOneElementOfType(DomainPolicyRoutes.class);
    }

    @Test
    void spamScannerShouldBeTheConfiguredEngine() throws Exception {
        BaseConfiguration configuration = new BaseConfiguration();
        configuration.addProperty("spam.engine", "rspamd");

        assertThat(injector(providing(configuration)).getInstance(SpamScanner.class)).isInstanceOf(RspamdClient.class);
    }

    @Test
    void configurationShouldTakeTheDefaultsWhenTheFileIsMissing() throws Exception {
        PropertiesProvider provider = mock(PropertiesProvider.class);
        when(provider.getConfiguration("filter")).thenThrow(new FileNotFoundException("filter.properties"));
        Injector injector = injector(provider);

        assertThat(injector.getInstance(FilterConfiguration.class)).isEqualTo(FilterConfiguration.from(new BaseConfiguration()));
        assertThat(injector.getInstance(SpamScanner.class)).isInstanceOf(SpamdClient.class);
    }
}
