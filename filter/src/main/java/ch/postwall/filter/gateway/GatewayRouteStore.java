package ch.postwall.filter.gateway;

import java.util.List;
import java.util.Optional;

import org.apache.james.core.Domain;

/** The gateway domains and their target servers. Holds no user data: deleting a domain removes its route. */
public interface GatewayRouteStore {
    /** Creates or replaces the route of the route's domain. */
    void save(GatewayRoute route);

    Optional<GatewayRoute> retrieve(Domain domain);

    /** Every route, ordered by domain name. */
    List<GatewayRoute> list();

    /** Removes the domain's route; does nothing when there is none. */
    void delete(Domain domain);
}
