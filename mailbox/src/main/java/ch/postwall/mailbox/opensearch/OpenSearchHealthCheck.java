package ch.postwall.mailbox.opensearch;

import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.healthcheck.ComponentName;
import org.apache.james.core.healthcheck.HealthCheck;
import org.apache.james.core.healthcheck.Result;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Unhealthy while the OpenSearch cluster cannot be reached or is red: searches then fail and new mail is not indexed.
 * Yellow counts as healthy, since a single-node cluster cannot place replicas.
 */
public class OpenSearchHealthCheck implements HealthCheck {
    static final ComponentName COMPONENT_NAME = new ComponentName("OpenSearch");

    private final OpenSearchHttp http;

    @Inject
    public OpenSearchHealthCheck(OpenSearchHttp http) {
        this.http = http;
    }

    @Override
    public ComponentName componentName() {
        return COMPONENT_NAME;
    }

    @Override
    public Mono<Result> check() {
        return Mono.fromCallable(() -> http.execute("GET", "/_cluster/health", Map.of(), Optional.empty()))
            .subscribeOn(Schedulers.boundedElastic())
            .map(OpenSearchHealthCheck::toResult)
            .onErrorResume(e -> Mono.just(Result.unhealthy(COMPONENT_NAME, "Cannot reach OpenSearch", e)));
    }

    private static Result toResult(OpenSearchHttp.Reply reply) {
        if (!reply.isSuccess()) {
            return Result.unhealthy(COMPONENT_NAME, "OpenSearch answered HTTP " + reply.status());
        }
        String status = reply.json().path("status").asText();
        if ("red".equals(status)) {
            return Result.unhealthy(COMPONENT_NAME, "OpenSearch cluster status is red");
        }
        return Result.healthy(COMPONENT_NAME);
    }
}
