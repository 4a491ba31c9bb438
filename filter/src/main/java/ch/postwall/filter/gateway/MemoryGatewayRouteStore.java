package ch.postwall.filter.gateway;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.james.core.Domain;

public class MemoryGatewayRouteStore implements GatewayRouteStore {
    private final Map<Domain, GatewayRoute> routes = new ConcurrentHashMap<>();

    @Override
    public void save(GatewayRoute route) {
        routes.put(route.domain(), route);
    }

    @Override
    public Optional<GatewayRoute> retrieve(Domain domain) {
        return Optional.ofNullable(routes.get(domain));
    }

    @Override
    public List<GatewayRoute> list() {
        return routes.values().stream()
            .sorted(Comparator.comparing(route -> route.domain().asString()))
            .collect(Collectors.toList());
    }

    @Override
    public void delete(Domain domain) {
        routes.remove(domain);
    }
}
