package ch.postwall.mailbox.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import org.apache.james.core.healthcheck.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(OpenSearchExtension.class)
class OpenSearchHealthCheckTest {
    @Test
    void checkShouldBeHealthyWhenTheClusterAnswers() throws Exception {
        try (OpenSearchHttp http = OpenSearchHttp.create(OpenSearchExtension.newIndexConfiguration())) {
            Result result = new OpenSearchHealthCheck(http).check().block();

            assertThat(result.isHealthy()).isTrue();
        }
    }

    @Test
    void checkShouldBeUnhealthyWhenNothingListens() throws Exception {
        OpenSearchConfiguration unreachable = OpenSearchConfiguration.builder()
            .hosts(List.of("127.0.0.1:" + closedPort()))
            .build();
        try (OpenSearchHttp http = OpenSearchHttp.create(unreachable)) {
            Result result = new OpenSearchHealthCheck(http).check().block();

            assertThat(result.isUnHealthy()).isTrue();
            assertThat(result.getCause()).contains("Cannot reach OpenSearch");
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
