package ch.postwall.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;

import org.apache.james.domainlist.lib.DomainListConfiguration;
import org.apache.james.server.core.configuration.FileConfigurationProvider;
import org.junit.jupiter.api.Test;

import ch.postwall.server.TestConfiguration;

class ShippedDomainListConfigurationTest {
    @Test
    void shippedDomainListShouldCacheHostedDomainLookupsForTenSeconds() throws Exception {
        try (InputStream xml = Files.newInputStream(TestConfiguration.shippedConfiguration().resolve("domainlist.xml"))) {
            DomainListConfiguration configuration = DomainListConfiguration.from(FileConfigurationProvider.getConfig(xml));

            assertThat(configuration.isCacheEnabled()).isTrue();
            assertThat(configuration.getCacheExpiracy()).isEqualTo(Duration.ofSeconds(10));
            assertThat(configuration.isAutoDetect()).isFalse();
        }
    }
}
