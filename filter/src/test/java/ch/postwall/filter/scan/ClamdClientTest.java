package ch.postwall.filter.scan;

import static ch.postwall.filter.daemon.ClamdExtension.EICAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.filter.daemon.ClamdExtension;
import ch.postwall.filter.daemon.DaemonExtension;
import ch.postwall.filter.mime.TestMessages;

class ClamdClientTest {
    @RegisterExtension
    static ClamdExtension clamd = new ClamdExtension();

    private final ClamdClient client = new ClamdClient(clamd.endpoint());

    @Test
    void scanShouldFindNothingWhenTheMailIsClean() throws Exception {
        assertThat(client.scan(TestMessages.plain("Hello, nothing to see here."))).isEqualTo(VirusResult.CLEAN);
    }

    @Test
    void scanShouldFindEicarWhenInThePlainBody() throws Exception {
        assertThat(client.scan(TestMessages.plain(EICAR)).isInfected()).isTrue();
    }

    @Test
    void scanShouldFindEicarWhenInABase64Attachment() throws Exception {
        byte[] mail = TestMessages.withAttachment("readme.txt", "text/plain", EICAR.getBytes(StandardCharsets.US_ASCII));

        assertThat(client.scan(mail).virusName()).isPresent();
    }

    @Test
    void scanShouldFindEicarWhenZippedInAnAttachment() throws Exception {
        byte[] zip = TestMessages.zip("eicar.com", EICAR.getBytes(StandardCharsets.US_ASCII));
        byte[] mail = TestMessages.withAttachment("archive.zip", "application/zip", zip);

        assertThat(client.scan(mail).virusName()).isPresent();
    }

    @Test
    void scanShouldSendMessagesLargerThanOneChunk() throws Exception {
        String padding = "x".repeat(200_000);

        assertThat(client.scan(TestMessages.plain(padding + "\r\n" + EICAR)).isInfected()).isTrue();
    }

    @Test
    void scanShouldFailClearlyWhenClamdIsDown() {
        ClamdClient down = new ClamdClient(new ScannerEndpoint("127.0.0.1", DaemonExtension.freePort(), Duration.ofSeconds(2)));

        assertThatThrownBy(() -> down.scan(TestMessages.plain("hi")))
            .isInstanceOf(ScannerUnavailableException.class)
            .hasMessageContaining("clamd unreachable");
    }

    @Test
    void parseShouldRejectAnErrorReply() {
        assertThatThrownBy(() -> ClamdClient.parse("INSTREAM size limit exceeded. ERROR"))
            .isInstanceOf(ScannerUnavailableException.class)
            .hasMessageContaining("size limit");
    }

    @Test
    void parseShouldReadTheVirusName() throws Exception {
        assertThat(ClamdClient.parse("stream: Win.Test.EICAR_HDB-1 FOUND")).isEqualTo(VirusResult.infected("Win.Test.EICAR_HDB-1"));
    }
}
