package ch.postwall.mailbox.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.apache.james.core.healthcheck.Result;
import org.apache.james.events.Event;
import org.apache.james.events.EventBus;
import org.apache.james.events.EventDeadLetters;
import org.apache.james.events.Group;
import org.apache.james.events.MemoryEventDeadLetters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;

class SearchIndexRedeliveryTest {
    private static final Group GROUP = new OpenSearchMessageSearchIndex.OpenSearchMessageSearchIndexGroup();
    private static final Group OTHER_GROUP = new Group() { };

    private final EventBus eventBus = mock(EventBus.class);
    private final EventDeadLetters deadLetters = new MemoryEventDeadLetters();
    private final OpenSearchHealthCheck healthCheck = mock(OpenSearchHealthCheck.class);
    private final Event event = mock(Event.class);
    private final SearchIndexRedelivery redelivery = new SearchIndexRedelivery(eventBus, deadLetters, healthCheck);

    @BeforeEach
    void setUp() {
        deadLetters.store(GROUP, event).block();
    }

    @Test
    void failedIndexingShouldBeRedeliveredAndForgottenWhenOpenSearchIsHealthy() {
        when(healthCheck.check()).thenReturn(Mono.just(Result.healthy(OpenSearchHealthCheck.COMPONENT_NAME)));
        when(eventBus.reDeliver(any(), any())).thenReturn(Mono.empty());

        redelivery.redeliverWhenHealthy().block();

        verify(eventBus).reDeliver(GROUP, event);
        assertThat(deadLetters.failedIds(GROUP).collectList().block()).isEmpty();
    }

    @Test
    void failedIndexingShouldWaitWhenOpenSearchIsUnhealthy() {
        when(healthCheck.check()).thenReturn(Mono.just(Result.unhealthy(OpenSearchHealthCheck.COMPONENT_NAME, "down")));

        redelivery.redeliverWhenHealthy().block();

        verify(eventBus, never()).reDeliver(any(), any());
        assertThat(deadLetters.failedIds(GROUP).collectList().block()).hasSize(1);
    }

    @Test
    void deadLetterShouldBeKeptWhenRedeliveryFails() {
        when(healthCheck.check()).thenReturn(Mono.just(Result.healthy(OpenSearchHealthCheck.COMPONENT_NAME)));
        when(eventBus.reDeliver(any(), any())).thenReturn(Mono.error(new IllegalStateException("still failing")));

        redelivery.redeliverWhenHealthy().onErrorResume(e -> Mono.empty()).block();

        assertThat(deadLetters.failedIds(GROUP).collectList().block()).hasSize(1);
    }

    @Test
    void deadLettersOfOtherListenersShouldBeLeftAlone() {
        deadLetters.store(OTHER_GROUP, event).block();
        when(healthCheck.check()).thenReturn(Mono.just(Result.healthy(OpenSearchHealthCheck.COMPONENT_NAME)));
        when(eventBus.reDeliver(any(), any())).thenReturn(Mono.empty());

        redelivery.redeliverWhenHealthy().block();

        verify(eventBus, never()).reDeliver(OTHER_GROUP, event);
        assertThat(deadLetters.failedIds(OTHER_GROUP).collectList().block()).hasSize(1);
    }
}
