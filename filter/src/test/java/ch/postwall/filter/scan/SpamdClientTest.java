package ch.postwall.filter.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.filter.daemon.DaemonExtension;
import ch.postwall.filter.daemon.SpamdExtension;
import ch.postwall.filter.mime.TestMessages;

class SpamdClientTest {
    @RegisterExtension
    static SpamdExtension spamd = new SpamdExtension();

    private final SpamdClient client = new SpamdClient(spamd.endpoint());

    @Test
    void checkShouldScoreGtubeOverTheThreshold() throws Exception {
        SpamResult result = client.check(TestMessages.plain(TestMessages.GTUBE));

        assertThat(result.score()).isGreaterThanOrEqualTo(1000);
        assertThat(result.score()).isGreaterThan(result.engineThreshold());
        assertThat(result.symbols()).contains("GTUBE");
    }

    @Test
    void checkShouldScoreACleanMailUnderTheThreshold() throws Exception {
        SpamResult result = client.check(TestMessages.plain("Hi Alice,\r\n\r\nthe minutes of Tuesday's meeting are attached.\r\n\r\nBob"));

        assertThat(result.score()).isLessThan(result.engineThreshold());
    }

    @Test
    void checkShouldFailClearlyWhenSpamdIsDown() {
        SpamdClient down = new SpamdClient(new ScannerEndpoint("127.0.0.1", DaemonExtension.freePort(), Duration.ofSeconds(2)));

        assertThatThrownBy(() -> down.check(TestMessages.plain("hi")))
            .isInstanceOf(ScannerUnavailableException.class)
            .hasMessageContaining("spamd unreachable");
    }

    @Test
    void parseShouldReadScoreThresholdAndSymbols() throws Exception {
        SpamResult result = SpamdClient.parse("SPAMD/1.1 0 EX_OK\r\nContent-length: 9\r\nSpam: True ; 7.5 / 5.0\r\n\r\nA_1,B_2\r\n");

        assertThat(result.score()).isEqualTo(7.5);
        assertThat(result.engineThreshold()).isEqualTo(5.0);
        assertThat(result.symbols()).containsExactly("A_1", "B_2");
    }

    @Test
    void parseShouldFailWhenSpamdReportsAnError() {
        assertThatThrownBy(() -> SpamdClient.parse("SPAMD/1.0 76 Bad header line: FOO\r\n\r\n"))
            .isInstanceOf(ScannerUnavailableException.class)
            .hasMessageContaining("Bad header line");
    }

    @Test
    void parseShouldFailWhenTheAnswerIsGarbage() {
        assertThatThrownBy(() -> SpamdClient.parse("\0\0garbage\r\n"))
            .isInstanceOf(ScannerUnavailableException.class)
            .hasMessageContaining("unknown status line");
    }

    @Test
    void parseShouldFailWhenTheSpamHeaderIsMissing() {
        assertThatThrownBy(() -> SpamdClient.parse("SPAMD/1.1 0 EX_OK\r\nContent-length: 0\r\n\r\n"))
            .isInstanceOf(ScannerUnavailableException.class)
            .hasMessageContaining("Spam header");
    }
}
