package ch.postwall.filter.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.filter.daemon.DaemonExtension;
import ch.postwall.filter.daemon.RspamdExtension;
import ch.postwall.filter.mime.TestMessages;

class RspamdClientTest {
    @RegisterExtension
    static RspamdExtension rspamd = new RspamdExtension();

    private final RspamdClient client = new RspamdClient(rspamd.endpoint());

    @Test
    void checkShouldScoreGtubeOverTheThresholdWithActionReject() throws Exception {
        SpamResult result = client.check(TestMessages.plain(TestMessages.GTUBE));

        assertThat(result.score()).isGreaterThanOrEqualTo(result.engineThreshold());
        assertThat(result.engineAction()).contains("reject");
        assertThat(result.symbols()).contains("GTUBE");
    }

    @Test
    void checkShouldNotRejectACleanMail() throws Exception {
        SpamResult result = client.check(TestMessages.plain("Hi Alice,\r\n\r\nthe minutes of Tuesday's meeting are attached.\r\n\r\nBob"));

        assertThat(result.score()).isLessThan(result.engineThreshold());
        assertThat(result.engineAction()).isNotEqualTo(Optional.of("reject"));
    }

    @Test
    void checkShouldFailClearlyWhenRspamdIsDown() {
        RspamdClient down = new RspamdClient(new ScannerEndpoint("127.0.0.1", DaemonExtension.freePort(), Duration.ofSeconds(2)));

        assertThatThrownBy(() -> down.check(TestMessages.plain("hi")))
            .isInstanceOf(ScannerUnavailableException.class)
            .hasMessageContaining("rspamd");
    }

    @Test
    void parseShouldFailWhenTheAnswerIsNotJson() {
        assertThatThrownBy(() -> RspamdClient.parse("<html>proxy error</html>"))
            .isInstanceOf(ScannerUnavailableException.class)
            .hasMessageContaining("not JSON");
    }

    @Test
    void parseShouldFailWhenTheScoreIsMissing() {
        assertThatThrownBy(() -> RspamdClient.parse("{\"action\":\"no action\"}"))
            .isInstanceOf(ScannerUnavailableException.class)
            .hasMessageContaining("score");
    }
}
