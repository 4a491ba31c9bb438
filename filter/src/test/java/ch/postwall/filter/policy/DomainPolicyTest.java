package ch.postwall.filter.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.junit.jupiter.api.Test;

class DomainPolicyTest {
    private static DomainPolicy withLists(Set<String> allow, Set<String> block) {
        return new DomainPolicy(5, 10, allow, block, EnumSet.allOf(Check.class), ScannerDownBehaviour.TEMPFAIL);
    }

    private static MaybeSender sender(String address) throws Exception {
        return MaybeSender.of(new MailAddress(address));
    }

    @Test
    void blocksShouldMatchAWholeDomainWhenListed() throws Exception {
        DomainPolicy policy = withLists(Set.of(), Set.of("Spam.BIZ"));

        assertThat(policy.blocks(sender("anyone@spam.biz"))).isTrue();
        assertThat(policy.blocks(sender("anyone@notspam.biz"))).isFalse();
    }

    @Test
    void allowsShouldMatchAnAddressCaseInsensitivelyWhenListed() throws Exception {
        DomainPolicy policy = withLists(Set.of("friend@partner.net"), Set.of());

        assertThat(policy.allows(sender("Friend@Partner.NET"))).isTrue();
        assertThat(policy.allows(sender("other@partner.net"))).isFalse();
    }

    @Test
    void listsShouldNeverMatchTheNullSender() {
        DomainPolicy policy = withLists(Set.of("partner.net"), Set.of("partner.net"));

        assertThat(policy.allows(MaybeSender.nullSender())).isFalse();
        assertThat(policy.blocks(MaybeSender.nullSender())).isFalse();
    }

    @Test
    void constructorShouldRejectARejectThresholdBelowTheQuarantineThreshold() {
        assertThatThrownBy(() -> new DomainPolicy(10, 5, Set.of(), Set.of(), Set.of(), ScannerDownBehaviour.TEMPFAIL))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("rejectThreshold");
    }

    @Test
    void constructorShouldRejectAListEntryThatIsNeitherAddressNorDomain() {
        assertThatThrownBy(() -> withLists(Set.of("a@b@c"), Set.of()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("allowList");
    }

    @Test
    void jsonShouldRoundTripEveryField() {
        DomainPolicy policy = new DomainPolicy(2.5, 9, Set.of("a@b.c"), Set.of("d.e"), EnumSet.of(Check.VIRUS),
            ScannerDownBehaviour.ACCEPT_AND_TAG);

        assertThat(DomainPolicyJson.fromJson(DomainPolicyJson.toJson(policy))).isEqualTo(policy);
    }

    @Test
    void fromJsonShouldTakeDefaultsForAbsentFields() {
        assertThat(DomainPolicyJson.fromJson("{\"rejectThreshold\": 30}"))
            .isEqualTo(new DomainPolicy(DomainPolicy.DEFAULT_QUARANTINE_THRESHOLD, 30, Set.of(), Set.of(),
                EnumSet.allOf(Check.class), ScannerDownBehaviour.TEMPFAIL));
    }

    @Test
    void fromJsonShouldRejectUnknownFields() {
        assertThatThrownBy(() -> DomainPolicyJson.fromJson("{\"rejectTreshold\": 30}"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("rejectTreshold");
    }
}
