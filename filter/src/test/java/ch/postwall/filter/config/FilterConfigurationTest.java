package ch.postwall.filter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.time.Duration;
import java.util.EnumSet;

import org.apache.commons.configuration2.BaseConfiguration;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.io.FileHandler;
import org.junit.jupiter.api.Test;

import ch.postwall.filter.policy.Check;
import ch.postwall.filter.policy.DomainPolicy;
import ch.postwall.filter.policy.ScannerDownBehaviour;

class FilterConfigurationTest {
    private static FilterConfiguration parse(String... keyValues) {
        BaseConfiguration configuration = new BaseConfiguration();
        for (int i = 0; i < keyValues.length; i += 2) {
            configuration.addProperty(keyValues[i], keyValues[i + 1]);
        }
        return FilterConfiguration.from(configuration);
    }

    @Test
    void fromShouldApplyTheDocumentedDefaultsWhenEmpty() {
        FilterConfiguration configuration = parse();

        assertThat(configuration.spamEngine()).isEqualTo(SpamEngine.SPAMD);
        assertThat(configuration.spamEndpoint().port()).isEqualTo(783);
        assertThat(configuration.clamdEndpoint().port()).isEqualTo(FilterConfiguration.DEFAULT_CLAMD_PORT);
        assertThat(configuration.clamdEndpoint().timeout()).isEqualTo(FilterConfiguration.DEFAULT_TIMEOUT);
        assertThat(configuration.dnsblZones()).isEmpty();
        assertThat(configuration.blockedTypes()).isEqualTo(FilterConfiguration.DEFAULT_BLOCKED_TYPES);
        assertThat(configuration.defaultPolicy()).isEqualTo(DomainPolicy.DEFAULT);
        assertThat(configuration.quarantinePrefix()).isEqualTo(FilterConfiguration.DEFAULT_QUARANTINE_PREFIX);
        assertThat(configuration.quarantinePeriod()).isEqualTo(FilterConfiguration.DEFAULT_QUARANTINE_PERIOD);
    }

    @Test
    void fromShouldUseTheRspamdDefaultPortWhenRspamdIsChosen() {
        assertThat(parse("spam.engine", "rspamd").spamEndpoint().port()).isEqualTo(11333);
    }

    @Test
    void fromShouldReadEveryKey() {
        FilterConfiguration configuration = parse(
            "spam.engine", "RSPAMD", "spam.host", "10.0.0.2", "spam.port", "11334",
            "clamd.host", "10.0.0.3", "clamd.port", "3311", "scanner.timeout.seconds", "5",
            "dnsbl.zones", "zen.example, bl.example", "attachments.blocked.types", "application/x-sh",
            "mime.max.depth", "7", "policy.default.quarantine.threshold", "4", "policy.default.reject.threshold", "12",
            "policy.default.checks", "spam, virus", "policy.default.scanner.down", "accept_and_tag",
            "quarantine.repository.prefix", "cassandra://var/mail/quarantine/", "quarantine.period.days", "14");

        assertThat(configuration.spamEndpoint().host()).isEqualTo("10.0.0.2");
        assertThat(configuration.spamEndpoint().port()).isEqualTo(11334);
        assertThat(configuration.clamdEndpoint().host()).isEqualTo("10.0.0.3");
        assertThat(configuration.clamdEndpoint().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(configuration.dnsblZones()).containsExactly("zen.example", "bl.example");
        assertThat(configuration.blockedTypes()).containsExactly("application/x-sh");
        assertThat(configuration.maxMimeDepth()).isEqualTo(7);
        assertThat(configuration.defaultPolicy().quarantineThreshold()).isEqualTo(4);
        assertThat(configuration.defaultPolicy().rejectThreshold()).isEqualTo(12);
        assertThat(configuration.defaultPolicy().checks()).isEqualTo(EnumSet.of(Check.SPAM, Check.VIRUS));
        assertThat(configuration.defaultPolicy().whenScannerDown()).isEqualTo(ScannerDownBehaviour.ACCEPT_AND_TAG);
        assertThat(configuration.quarantinePrefix()).isEqualTo("cassandra://var/mail/quarantine/");
        assertThat(configuration.quarantinePeriod()).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void fromShouldRejectUnknownKeysByName() {
        assertThatThrownBy(() -> parse("clamd.prot", "3310"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("clamd.prot");
    }

    @Test
    void fromShouldNameTheKeyWhenAValueIsInvalid() {
        assertThatThrownBy(() -> parse("clamd.port", "many"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("clamd.port");
        assertThatThrownBy(() -> parse("spam.port", "70000"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("spam.port");
        assertThatThrownBy(() -> parse("policy.default.checks", "spam,telepathy"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("policy.default.checks");
        assertThatThrownBy(() -> parse("quarantine.repository.prefix", "var/mail/quarantine"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("quarantine.repository.prefix");
        assertThatThrownBy(() -> parse("quarantine.period.days", "0"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("quarantine.period.days");
        assertThatThrownBy(() -> parse("spam.engine", "bogofilter"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("spam.engine");
    }

    @Test
    void fromShouldRejectInvertedDefaultThresholds() {
        assertThatThrownBy(() -> parse("policy.default.quarantine.threshold", "20"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("policy.default.reject.threshold");
    }

    @Test
    void theSampleFileShouldParseToTheDefaults() throws Exception {
        PropertiesConfiguration sample = new PropertiesConfiguration();
        new FileHandler(sample).load(new File("../conf/filter.properties"));

        assertThat(FilterConfiguration.from(sample)).isEqualTo(parse());
    }
}
