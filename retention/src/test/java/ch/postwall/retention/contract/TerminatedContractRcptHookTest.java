package ch.postwall.retention.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.core.Username;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.utils.UpdatableTickingClock;
import org.junit.jupiter.api.Test;

class TerminatedContractRcptHookTest {
    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

    private final MemoryContractStore contracts = new MemoryContractStore();
    private final UpdatableTickingClock clock = new UpdatableTickingClock(START);
    private final TerminatedContractRcptHook hook = new TerminatedContractRcptHook(contracts, clock);

    private HookResult rcpt(String address) throws Exception {
        return hook.doRcpt(null, MaybeSender.nullSender(), new MailAddress(address));
    }

    @Test
    void doRcptShouldDeclineWhenNoContractIsTerminated() throws Exception {
        assertThat(rcpt("alice@postwall.test")).isEqualTo(HookResult.DECLINED);
    }

    @Test
    void doRcptShouldRejectWith550WhenTheUsersContractIsTerminated() throws Exception {
        contracts.terminate(new Termination(ContractSubject.user(Username.of("alice@postwall.test")), START, Duration.ofDays(30)));

        HookResult result = rcpt("alice@postwall.test");

        assertThat(result.getResult()).isEqualTo(HookReturnCode.deny());
        assertThat(result.getSmtpRetCode()).isEqualTo("550");
        assertThat(result.getSmtpDescription()).contains("5.1.1").contains("alice@postwall.test").contains("contract has ended");
        assertThat(rcpt("bob@postwall.test")).isEqualTo(HookResult.DECLINED);
    }

    @Test
    void doRcptShouldRejectEveryUserOfATerminatedDomainFromTheTerminationDate() throws Exception {
        contracts.terminate(new Termination(ContractSubject.domain(Domain.of("postwall.test")),
            START.plus(Duration.ofDays(1)), Duration.ofDays(30)));

        assertThat(rcpt("bob@postwall.test")).isEqualTo(HookResult.DECLINED);
        clock.setInstant(START.plus(Duration.ofDays(1)));
        assertThat(rcpt("bob@postwall.test").getResult()).isEqualTo(HookReturnCode.deny());
    }
}
