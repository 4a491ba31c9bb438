package ch.postwall.filter.sender;

import static ch.postwall.filter.sender.FakeDnsService.ip;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.junit.jupiter.api.Test;

class SenderChecksTest {
    private static final String GOOD_SERVER = "192.0.2.10";
    private static final String BAD_SERVER = "198.51.100.7";
    private static final String HELO = "mail.example.net";

    private final FakeDnsService dns = new FakeDnsService()
        .text("example.net", "v=spf1 ip4:" + GOOD_SERVER + " -all")
        .text("soft.example", "v=spf1 ip4:" + GOOD_SERVER + " ~all")
        .address(HELO, GOOD_SERVER)
        .pointer(GOOD_SERVER, HELO)
        .pointer(BAD_SERVER, "liar.example.org")
        .address("7.100.51.198.dnsbl.test", "127.0.0.2");
    private final SenderChecks checks = new SenderChecks(dns, List.of("dnsbl.test", "other-dnsbl.test"));

    private static MaybeSender sender(String address) throws Exception {
        return MaybeSender.of(new MailAddress(address));
    }

    @Test
    void spfShouldPassWhenTheClientIsAuthorised() throws Exception {
        assertThat(checks.check(ip(GOOD_SERVER), HELO, sender("user@example.net")).spf()).isEqualTo("pass");
    }

    @Test
    void spfShouldFailWhenTheClientIsNotAuthorised() throws Exception {
        SenderCheckResult result = checks.check(ip(BAD_SERVER), HELO, sender("user@example.net"));

        assertThat(result.spf()).isEqualTo("fail");
        assertThat(result.spfFailed()).isTrue();
    }

    @Test
    void spfShouldSoftFailWhenTheRecordSaysSo() throws Exception {
        SenderCheckResult result = checks.check(ip(BAD_SERVER), HELO, sender("user@soft.example"));

        assertThat(result.spf()).isEqualTo("softfail");
        assertThat(result.spfFailed()).isFalse();
    }

    @Test
    void spfShouldBeNoneWhenTheDomainHasNoRecord() throws Exception {
        assertThat(checks.check(ip(BAD_SERVER), HELO, sender("user@unknown.example")).spf()).isEqualTo("none");
    }

    @Test
    void spfShouldBeNoneForTheNullSender() {
        assertThat(checks.check(ip(BAD_SERVER), HELO, MaybeSender.nullSender()).spf()).isEqualTo("none");
    }

    @Test
    void dnsblShouldListTheZonesThatListTheClient() throws Exception {
        assertThat(checks.check(ip(BAD_SERVER), HELO, sender("user@example.net")).dnsblListings()).containsExactly("dnsbl.test");
    }

    @Test
    void dnsblShouldBeEmptyWhenNoZoneListsTheClient() throws Exception {
        assertThat(checks.check(ip(GOOD_SERVER), HELO, sender("user@example.net")).dnsblListed()).isFalse();
    }

    @Test
    void heloShouldBeResolvableWhenItPointsToTheClient() throws Exception {
        assertThat(checks.check(ip(GOOD_SERVER), HELO, sender("user@example.net")).heloResolvable()).isTrue();
        assertThat(checks.check(ip(BAD_SERVER), HELO, sender("user@example.net")).heloResolvable()).isFalse();
    }

    @Test
    void reverseNameShouldBeKeptOnlyWhenForwardConfirmed() throws Exception {
        assertThat(checks.check(ip(GOOD_SERVER), HELO, sender("user@example.net")).reverseName()).contains(HELO);
        assertThat(checks.check(ip(BAD_SERVER), HELO, sender("user@example.net")).reverseName()).isEmpty();
    }
}
