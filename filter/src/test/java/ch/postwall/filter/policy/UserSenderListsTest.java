package ch.postwall.filter.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserSenderListsTest {
    private static final Username ALICE = Username.of("alice@example.com");
    private static final DomainPolicy DOMAIN_POLICY = new DomainPolicy(3.0, 10.0, Set.of("partner.example"), Set.of(),
        Set.of(Check.SPAM), ScannerDownBehaviour.ACCEPT_AND_TAG);

    private MemoryDomainPolicyStore store;
    private UserSenderLists lists;

    @BeforeEach
    void setUp() {
        store = new MemoryDomainPolicyStore();
        store.setDomainPolicy(Domain.of("example.com"), DOMAIN_POLICY);
        lists = new UserSenderLists(store, DomainPolicy.DEFAULT);
    }

    @Test
    void allowShouldStartTheUsersPolicyFromTheDomainsWhenTheUserHasNone() throws Exception {
        lists.allow(ALICE, new MailAddress("friend@outside.example"));

        assertThat(store.userPolicy(ALICE)).contains(new DomainPolicy(3.0, 10.0, Set.of("partner.example", "friend@outside.example"),
            Set.of(), Set.of(Check.SPAM), ScannerDownBehaviour.ACCEPT_AND_TAG));
        assertThat(store.domainPolicy(Domain.of("example.com"))).contains(DOMAIN_POLICY);
    }

    @Test
    void blockShouldTakeTheSenderOffTheAllowListWhenItWasAllowed() throws Exception {
        MailAddress sender = new MailAddress("Friend@Outside.example");
        lists.allow(ALICE, sender);

        lists.block(ALICE, sender);

        assertThat(store.userPolicy(ALICE)).hasValueSatisfying(policy -> {
            assertThat(policy.allowList()).containsExactly("partner.example");
            assertThat(policy.blockList()).containsExactly("friend@outside.example");
        });
    }
}
