package ch.postwall.server.smtp;

import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.smtp.SMTPRetCode;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.dsn.DSNStatus;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.MailHook;

/**
 * On the submission ports nothing is accepted from an unauthenticated client, not even mail for
 * hosted recipients: inbound mail comes through the MX port, where the gateway's checks apply.
 */
public class SubmissionRequiresAuthHook implements MailHook {
    private static final HookResult AUTHENTICATION_REQUIRED = HookResult.builder()
        .hookReturnCode(HookReturnCode.deny())
        .smtpReturnCode(SMTPRetCode.AUTH_REQUIRED)
        .smtpDescription(DSNStatus.getStatus(DSNStatus.PERMANENT, DSNStatus.SECURITY_AUTH) + " Authentication required")
        .build();

    @Override
    public HookResult doMail(SMTPSession session, MaybeSender sender) {
        if (session.getUsername() == null) {
            return AUTHENTICATION_REQUIRED;
        }
        return HookResult.DECLINED;
    }
}
