package ch.postwall.filter.gateway;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.james.core.Domain;
import org.apache.james.util.DurationParser;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON form of a route in WebAdmin: durations as text ({@code 5d}, {@code 15m}, {@code 300s}).
 * In a request every field but {@code host} may be left out for its default; {@code domain} comes from the path.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GatewayRouteDto(String domain, String host, Integer port, String tlsPolicy, String retryPeriod,
                              List<String> retrySchedule) {
    /** The largest unit that states each duration exactly, in the syntax {@link DurationParser} reads. */
    private static final Map<ChronoUnit, String> UNITS = Map.of(ChronoUnit.DAYS, "d", ChronoUnit.HOURS, "h",
        ChronoUnit.MINUTES, "m", ChronoUnit.SECONDS, "s");
    private static final List<ChronoUnit> LARGEST_FIRST = List.of(ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES,
        ChronoUnit.SECONDS);

    public static GatewayRouteDto from(GatewayRoute route) {
        return new GatewayRouteDto(route.domain().asString(), route.host(), route.port(), route.tlsPolicy().asString(),
            format(route.retryPeriod()),
            route.retrySchedule().delays().stream().map(GatewayRouteDto::format).collect(Collectors.toList()));
    }

    /** The route for the domain; throws IllegalArgumentException naming the invalid field. */
    public GatewayRoute toRoute(Domain routeDomain) {
        GatewayRoute.Builder builder = GatewayRoute.builder(routeDomain, host);
        Optional.ofNullable(port).ifPresent(builder::port);
        Optional.ofNullable(tlsPolicy).ifPresent(value -> builder.tlsPolicy(field("tlsPolicy", () -> TlsPolicy.parse(value))));
        Optional.ofNullable(retryPeriod).ifPresent(value -> builder.retryPeriod(field("retryPeriod", () -> DurationParser.parse(value))));
        Optional.ofNullable(retrySchedule).ifPresent(delays -> builder.retrySchedule(field("retrySchedule",
            () -> new RetrySchedule(delays.stream().map(DurationParser::parse).collect(Collectors.toList())))));
        return builder.build();
    }

    private static <T> T field(String name, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid " + name + ": " + e.getMessage(), e);
        }
    }

    static String format(Duration duration) {
        return LARGEST_FIRST.stream()
            .filter(unit -> duration.toMillis() % unit.getDuration().toMillis() == 0)
            .findFirst()
            .map(unit -> duration.toMillis() / unit.getDuration().toMillis() + UNITS.get(unit))
            .orElseGet(() -> duration.toMillis() + "ms");
    }
}
