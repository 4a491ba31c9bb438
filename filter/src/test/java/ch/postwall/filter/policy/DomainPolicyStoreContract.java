package ch.postwall.filter.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.junit.jupiter.api.Test;

public interface DomainPolicyStoreContract {
    Domain DOMAIN = Domain.of("example.com");
    Domain OTHER_DOMAIN = Domain.of("other.org");
    Username ALICE = Username.of("alice@example.com");
    Username BOB = Username.of("bob@other.org");
    DomainPolicy STRICT = new DomainPolicy(3.0, 8.0, Set.of("friend@partner.net"), Set.of("spam.biz"),
        EnumSet.of(Check.SPAM, Check.VIRUS), ScannerDownBehaviour.ACCEPT_AND_TAG);
    DomainPolicy LENIENT = new DomainPolicy(10.0, 20.0, Set.of(), Set.of("bad@evil.org"), EnumSet.allOf(Check.class),
        ScannerDownBehaviour.TEMPFAIL);

    DomainPolicyStore store();

    @Test
    default void domainPolicyShouldBeEmptyWhenNeverSet() {
        assertThat(store().domainPolicy(DOMAIN)).isEmpty();
    }

    @Test
    default void domainPolicyShouldReturnWhatWasSet() {
        store().setDomainPolicy(DOMAIN, STRICT);

        assertThat(store().domainPolicy(DOMAIN)).contains(STRICT);
    }

    @Test
    default void setDomainPolicyShouldReplaceThePreviousOne() {
        store().setDomainPolicy(DOMAIN, STRICT);
        store().setDomainPolicy(DOMAIN, LENIENT);

        assertThat(store().domainPolicy(DOMAIN)).contains(LENIENT);
    }

    @Test
    default void domainPolicyShouldNotLeakToOtherDomains() {
        store().setDomainPolicy(DOMAIN, STRICT);

        assertThat(store().domainPolicy(OTHER_DOMAIN)).isEmpty();
    }

    @Test
    default void deleteDomainPolicyShouldKeepUserPolicies() {
        store().setDomainPolicy(DOMAIN, STRICT);
        store().setUserPolicy(ALICE, LENIENT);

        store().deleteDomainPolicy(DOMAIN);

        assertThat(store().domainPolicy(DOMAIN)).isEmpty();
        assertThat(store().userPolicy(ALICE)).contains(LENIENT);
    }

    @Test
    default void userPolicyShouldReturnWhatWasSet() {
        store().setUserPolicy(ALICE, STRICT);

        assertThat(store().userPolicy(ALICE)).contains(STRICT);
        assertThat(store().domainPolicy(DOMAIN)).isEmpty();
    }

    @Test
    default void setUserPolicyShouldReplaceThePreviousOne() {
        store().setUserPolicy(ALICE, STRICT);
        store().setUserPolicy(ALICE, LENIENT);

        assertThat(store().userPolicy(ALICE)).contains(LENIENT);
    }

    @Test
    default void deleteUserPolicyShouldRemoveOnlyThatUser() {
        store().setUserPolicy(ALICE, STRICT);
        store().setUserPolicy(BOB, STRICT);

        store().deleteUserPolicy(ALICE);

        assertThat(store().userPolicy(ALICE)).isEmpty();
        assertThat(store().userPolicy(BOB)).contains(STRICT);
    }

    @Test
    default void deleteDomainShouldRemoveTheDomainAndItsUsersOnly() {
        store().setDomainPolicy(DOMAIN, STRICT);
        store().setUserPolicy(ALICE, STRICT);
        store().setDomainPolicy(OTHER_DOMAIN, LENIENT);
        store().setUserPolicy(BOB, LENIENT);

        assertThat(store().deleteDomain(DOMAIN)).isEqualTo(2);

        assertThat(store().domainPolicy(DOMAIN)).isEmpty();
        assertThat(store().userPolicy(ALICE)).isEmpty();
        assertThat(store().domainPolicy(OTHER_DOMAIN)).contains(LENIENT);
        assertThat(store().userPolicy(BOB)).contains(LENIENT);
    }

    @Test
    default void everyChangeShouldBeSeenByTheReadsAfterItEvenWhenReadBefore() {
        assertThat(store().effectivePolicy(ALICE, DomainPolicy.DEFAULT)).isEqualTo(DomainPolicy.DEFAULT);

        store().setDomainPolicy(DOMAIN, STRICT);
        assertThat(store().effectivePolicy(ALICE, DomainPolicy.DEFAULT)).isEqualTo(STRICT);

        store().setUserPolicy(ALICE, LENIENT);
        assertThat(store().effectivePolicy(ALICE, DomainPolicy.DEFAULT)).isEqualTo(LENIENT);

        store().deleteUserPolicy(ALICE);
        assertThat(store().effectivePolicy(ALICE, DomainPolicy.DEFAULT)).isEqualTo(STRICT);

        store().setUserPolicy(ALICE, LENIENT);
        assertThat(store().deleteDomain(DOMAIN)).isEqualTo(2);
        assertThat(store().effectivePolicy(ALICE, DomainPolicy.DEFAULT)).isEqualTo(DomainPolicy.DEFAULT);
    }

    @Test
    default void effectivePolicyShouldPreferTheUserPolicy() {
        store().setDomainPolicy(DOMAIN, STRICT);
        store().setUserPolicy(ALICE, LENIENT);

        assertThat(store().effectivePolicy(ALICE, DomainPolicy.DEFAULT)).isEqualTo(LENIENT);
    }

    @Test
    default void effectivePolicyShouldFallBackToTheDomainPolicy() {
        store().setDomainPolicy(DOMAIN, STRICT);

        assertThat(store().effectivePolicy(ALICE, DomainPolicy.DEFAULT)).isEqualTo(STRICT);
    }

    @Test
    default void effectivePolicyShouldFallBackToTheInstallationDefault() {
        assertThat(store().effectivePolicy(BOB, LENIENT)).isEqualTo(LENIENT);
    }

    @Test
    default void wipeStepShouldDeleteTheUsersPolicyOnlyAndReportNothingWhenRunAgain() {
        store().setDomainPolicy(DOMAIN, STRICT);
        store().setUserPolicy(ALICE, STRICT);
        DomainPolicyWipeStep step = new DomainPolicyWipeStep(store());

        assertThat(step.wipeUser(ALICE).total()).isEqualTo(1);
        assertThat(step.wipeUser(ALICE).total()).isZero();
        assertThat(store().domainPolicy(DOMAIN)).contains(STRICT);
    }

    @Test
    default void wipeStepShouldCountTheDomainsPolicyAndItsUsersPolicies() {
        store().setDomainPolicy(DOMAIN, STRICT);
        store().setUserPolicy(ALICE, LENIENT);
        store().setUserPolicy(BOB, LENIENT);
        DomainPolicyWipeStep step = new DomainPolicyWipeStep(store());

        assertThat(step.wipeDomain(DOMAIN).total()).isEqualTo(2);
        assertThat(step.wipeDomain(DOMAIN).total()).isZero();
        assertThat(store().userPolicy(BOB)).contains(LENIENT);
    }
}
