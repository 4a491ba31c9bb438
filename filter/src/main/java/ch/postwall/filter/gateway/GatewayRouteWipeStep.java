package ch.postwall.filter.gateway;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import ch.postwall.mailbox.lifecycle.DeletionCounts;
import ch.postwall.mailbox.lifecycle.WipeStep;

/** Deletes the gateway route of a terminated domain; a route belongs to a domain, so a user's wipe has none to delete. */
public record GatewayRouteWipeStep(GatewayRouteStore store) implements WipeStep {
    public static final String NAME = "gateway-routes";
    static final String ROUTES = "gatewayRoutes";

    @Inject
    public GatewayRouteWipeStep {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DeletionCounts wipeUser(Username user) {
        return DeletionCounts.NONE;
    }

    @Override
    public DeletionCounts wipeDomain(Domain domain) {
        boolean present = store.retrieve(domain).isPresent();
        store.delete(domain);
        return DeletionCounts.of(ROUTES, present ? 1 : 0);
    }
}
