package ch.postwall.retention.contract;

import java.time.Clock;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.core.Username;
import org.apache.james.protocols.smtp.SMTPRetCode;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.dsn.DSNStatus;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.RcptHook;

/**
 * Refuses mail for a user whose contract, or whose domain's contract, is terminated: 550 at RCPT, from the
 * termination date on (the user can still log in and export during the export window).
 */
public class TerminatedContractRcptHook implements RcptHook {
    private final ContractStore contracts;
    private final Clock clock;

    @Inject
    public TerminatedContractRcptHook(ContractStore contracts, Clock clock) {
        this.contracts = contracts;
        this.clock = clock;
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress rcpt) {
        if (!contracts.isTerminated(Username.fromMailAddress(rcpt), clock.instant())) {
            return HookResult.DECLINED;
        }
        return HookResult.builder()
            .hookReturnCode(HookReturnCode.deny())
            .smtpReturnCode(SMTPRetCode.MAILBOX_PERM_UNAVAILABLE)
            .smtpDescription(DSNStatus.getStatus(DSNStatus.PERMANENT, DSNStatus.ADDRESS_MAILBOX)
                + " Mailbox " + rcpt.asString() + " is closed: its hosting contract has ended")
            .build();
    }
}
