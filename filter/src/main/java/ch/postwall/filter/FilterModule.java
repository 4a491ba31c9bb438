package ch.postwall.filter;

import java.io.FileNotFoundException;
import java.time.Clock;

import org.apache.commons.configuration2.BaseConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.dnsservice.api.DNSService;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.utils.InitializationOperation;
import org.apache.james.utils.InitilizationOperationBuilder;
import org.apache.james.utils.PropertiesProvider;
import org.apache.james.webadmin.Routes;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;

import ch.postwall.filter.attachment.AttachmentInspector;
import ch.postwall.filter.config.FilterConfiguration;
import ch.postwall.filter.policy.DomainPolicyWipeStep;
import ch.postwall.filter.quarantine.Quarantine;
import ch.postwall.filter.quarantine.QuarantinePurger;
import ch.postwall.filter.quarantine.QuarantineWipeStep;
import ch.postwall.filter.scan.ClamdClient;
import ch.postwall.filter.scan.ScannerReachability;
import ch.postwall.filter.scan.SpamScanner;
import ch.postwall.filter.scan.VirusScanner;
import ch.postwall.filter.sender.SenderChecks;
import ch.postwall.filter.smtp.FilterMessageHook;
import ch.postwall.filter.verdict.MessageAnalyzer;
import ch.postwall.filter.verdict.VerdictEngine;
import ch.postwall.filter.webadmin.DomainPolicyRoutes;
import ch.postwall.mailbox.lifecycle.WipeStep;

/**
 * The analysis and verdict side of the gateway: scanner clients, sender checks, attachment policy, the
 * SMTP hook, the policy WebAdmin routes, and the wipe steps of the quarantine and the policies. Needs a {@code DomainPolicyStore} from one backend module
 * ({@code MemoryDomainPolicyModule}, {@code EmbeddedDomainPolicyModule} or {@code CassandraDomainPolicyModule}),
 * and James's DNSService and MailRepositoryStore.
 */
public class FilterModule extends AbstractModule {
    private static final String CONFIGURATION_NAME = "filter";

    @Override
    protected void configure() {
        bind(VerdictEngine.class).in(Scopes.SINGLETON);
        bind(FilterMessageHook.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), Routes.class).addBinding().to(DomainPolicyRoutes.class);
        bind(QuarantinePurger.class).in(Scopes.SINGLETON);
        Multibinder<WipeStep> wipeSteps = Multibinder.newSetBinder(binder(), WipeStep.class);
        wipeSteps.addBinding().to(QuarantineWipeStep.class);
        wipeSteps.addBinding().to(DomainPolicyWipeStep.class);
    }

    @ProvidesIntoSet
    InitializationOperation warnAboutUnreachableScanners(ScannerReachability reachability) {
        return InitilizationOperationBuilder.forClass(ScannerReachability.class).init(reachability::check);
    }

    @ProvidesIntoSet
    InitializationOperation startQuarantinePurge(QuarantinePurger purger) {
        return InitilizationOperationBuilder.forClass(QuarantinePurger.class).init(purger::start);
    }

    @Provides
    @Singleton
    FilterConfiguration configuration(PropertiesProvider propertiesProvider) throws ConfigurationException {
        try {
            return FilterConfiguration.from(propertiesProvider.getConfiguration(CONFIGURATION_NAME));
        } catch (FileNotFoundException e) {
            // No filter.properties: every documented default applies.
            return FilterConfiguration.from(new BaseConfiguration());
        }
    }

    @Provides
    @Singleton
    Quarantine quarantine(FilterConfiguration configuration, MailRepositoryStore store) {
        return new Quarantine(store, configuration.quarantinePrefix(), configuration.quarantinePeriod(), Clock.systemUTC());
    }

    @Provides
    @Singleton
    SpamScanner spamScanner(FilterConfiguration configuration) {
        return configuration.spamEngine().client(configuration.spamEndpoint());
    }

    @Provides
    @Singleton
    VirusScanner virusScanner(FilterConfiguration configuration) {
        return new ClamdClient(configuration.clamdEndpoint());
    }

    @Provides
    @Singleton
    MessageAnalyzer analyzer(FilterConfiguration configuration, SpamScanner spamScanner, VirusScanner virusScanner, DNSService dnsService) {
        return new MessageAnalyzer(spamScanner, virusScanner, new SenderChecks(dnsService, configuration.dnsblZones()),
            new AttachmentInspector(configuration.blockedTypes(), configuration.maxMimeDepth()));
    }
}
