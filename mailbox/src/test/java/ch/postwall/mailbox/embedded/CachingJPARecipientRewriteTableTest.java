package ch.postwall.mailbox.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.core.Domain;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.rrt.api.RecipientRewriteTable;
import org.apache.james.rrt.lib.Mapping;
import org.apache.james.rrt.lib.MappingSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.mailbox.testing.EmbeddedBackendExtension;

/** Every change to the mappings is seen by the next look-up, on the real embedded database. */
class CachingJPARecipientRewriteTableTest {
    private static final AtomicInteger SOURCES = new AtomicInteger();
    private static final Domain DOMAIN = Domain.of("localhost");

    @RegisterExtension
    static final EmbeddedBackendExtension server = new EmbeddedBackendExtension();

    private final RecipientRewriteTable table = server.instance(RecipientRewriteTable.class);
    private final String user = "alias" + SOURCES.incrementAndGet();
    private final MappingSource source = MappingSource.fromUser(user, DOMAIN);

    @Test
    void theEmbeddedBackendShouldRememberMappings() {
        assertThat(table).isInstanceOf(CachingJPARecipientRewriteTable.class);
    }

    @Test
    void everyChangeShouldBeSeenByTheNextLookUp() throws Exception {
        assertThat(table.getStoredMappings(source).isEmpty()).isTrue();

        table.addForwardMapping(source, "first@example.net");
        assertThat(table.getStoredMappings(source).asStream()).containsExactly(Mapping.forward("first@example.net"));

        table.addForwardMapping(source, "second@example.net");
        assertThat(table.getStoredMappings(source).asStream())
            .containsExactlyInAnyOrder(Mapping.forward("first@example.net"), Mapping.forward("second@example.net"));

        table.removeForwardMapping(source, "first@example.net");
        assertThat(table.getStoredMappings(source).asStream()).containsExactly(Mapping.forward("second@example.net"));

        table.removeForwardMapping(source, "second@example.net");
        assertThat(table.getStoredMappings(source).isEmpty()).isTrue();
    }

    @Test
    void aDomainMappingShouldBeSeenByTheNextResolution() throws Exception {
        Domain other = Domain.of("other" + SOURCES.incrementAndGet() + ".example");
        server.instance(DomainList.class).addDomain(other);
        assertThat(table.getResolvedMappings(user, other).isEmpty()).isTrue();

        table.addDomainMapping(MappingSource.fromDomain(other), DOMAIN);
        assertThat(table.getResolvedMappings(user, other).asStream()).containsExactly(Mapping.address(user + "@localhost"));

        table.removeDomainMapping(MappingSource.fromDomain(other), DOMAIN);
        assertThat(table.getResolvedMappings(user, other).isEmpty()).isTrue();
    }
}
