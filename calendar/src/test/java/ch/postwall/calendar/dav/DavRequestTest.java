package ch.postwall.calendar.dav;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.james.core.Username;
import org.junit.jupiter.api.Test;

class DavRequestTest {
    @Test
    void headerShouldBeFoundWhateverItsCase() {
        DavRequest request = new DavRequest("GET", "/dav/", Map.of("If-Match", "\"e1\""), new byte[0], Username.of("alice@example.com"));

        assertThat(request.header("if-match")).contains("\"e1\"");
        assertThat(request.header("IF-MATCH")).contains("\"e1\"");
    }

    @Test
    void headersShouldMergeWhenSpelledInTwoCases() {
        DavRequest request = new DavRequest("GET", "/dav/", Map.of("Depth", "1", "depth", "1"), new byte[0], Username.of("alice@example.com"));

        assertThat(request.header("Depth")).contains("1, 1");
    }
}
