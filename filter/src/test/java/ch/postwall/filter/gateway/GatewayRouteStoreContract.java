package ch.postwall.filter.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.james.core.Domain;
import org.junit.jupiter.api.Test;

public interface GatewayRouteStoreContract {
    Domain EXAMPLE = Domain.of("example.com");
    Domain OTHER = Domain.of("other.org");

    GatewayRouteStore store();

    @Test
    default void retrieveShouldReturnEmptyWhenNoRoute() {
        assertThat(store().retrieve(EXAMPLE)).isEmpty();
    }

    @Test
    default void retrieveShouldReturnEverySavedFieldWhenSaved() {
        GatewayRoute route = GatewayRoute.builder(EXAMPLE, "mx.example.com")
            .port(2525)
            .tlsPolicy(TlsPolicy.REQUIRED)
            .retryPeriod(Duration.ofHours(36))
            .retrySchedule(RetrySchedule.parse("1m,10m,2h"))
            .build();

        store().save(route);

        assertThat(store().retrieve(EXAMPLE)).contains(route);
    }

    @Test
    default void retrieveShouldKeepDefaultsWhenSavedWithDefaults() {
        store().save(GatewayRoute.builder(EXAMPLE, "mx.example.com").build());

        assertThat(store().retrieve(EXAMPLE)).hasValueSatisfying(route -> {
            assertThat(route.port()).isEqualTo(25);
            assertThat(route.tlsPolicy()).isEqualTo(TlsPolicy.OPPORTUNISTIC);
            assertThat(route.retryPeriod()).isEqualTo(Duration.ofDays(5));
            assertThat(route.retrySchedule()).isEqualTo(RetrySchedule.DEFAULT);
        });
    }

    @Test
    default void saveShouldReplaceRouteWhenDomainHasOne() {
        store().save(GatewayRoute.builder(EXAMPLE, "old.example.com").build());
        GatewayRoute replacement = GatewayRoute.builder(EXAMPLE, "new.example.com").port(587).build();

        store().save(replacement);

        assertThat(store().list()).containsExactly(replacement);
    }

    @Test
    default void listShouldReturnRoutesOrderedByDomainWhenSeveral() {
        GatewayRoute other = GatewayRoute.builder(OTHER, "mail.other.org").build();
        GatewayRoute example = GatewayRoute.builder(EXAMPLE, "mx.example.com").build();
        store().save(other);
        store().save(example);

        assertThat(store().list()).containsExactly(example, other);
    }

    @Test
    default void deleteShouldRemoveOnlyThatDomainWhenSeveral() {
        GatewayRoute other = GatewayRoute.builder(OTHER, "mail.other.org").build();
        store().save(GatewayRoute.builder(EXAMPLE, "mx.example.com").build());
        store().save(other);

        store().delete(EXAMPLE);

        assertThat(store().retrieve(EXAMPLE)).isEmpty();
        assertThat(store().list()).containsExactly(other);
    }

    @Test
    default void deleteShouldDoNothingWhenNoRoute() {
        store().delete(EXAMPLE);

        assertThat(store().list()).isEmpty();
    }

    @Test
    default void wipeStepShouldDeleteTheDomainsRouteOnlyAndReportNothingWhenRunAgain() {
        store().save(GatewayRoute.builder(EXAMPLE, "mx.example.com").build());
        store().save(GatewayRoute.builder(OTHER, "mx.other.org").build());
        GatewayRouteWipeStep step = new GatewayRouteWipeStep(store());

        assertThat(step.wipeDomain(EXAMPLE).total()).isEqualTo(1);
        assertThat(step.wipeDomain(EXAMPLE).total()).isZero();
        assertThat(store().list()).extracting(GatewayRoute::domain).containsExactly(OTHER);
    }
}
