package ch.postwall.filter.gateway;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.RcptHook;

/**
 * Accepts, at RCPT time on the MX port, recipients of gateway domains: they are not hosted here, so
 * James would refuse them as relaying; the gateway processor relays them to the customer's server.
 * Recipients of other domains are left to the following hooks.
 */
public class GatewayRecipientHook implements RcptHook {
    private final GatewayRouteStore routes;

    @Inject
    public GatewayRecipientHook(GatewayRouteStore routes) {
        this.routes = routes;
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress recipient) {
        if (routes.retrieve(recipient.getDomain()).isPresent()) {
            return HookResult.builder()
                .hookReturnCode(HookReturnCode.ok())
                .smtpDescription("2.1.5 Recipient <" + recipient.asString() + "> OK")
                .build();
        }
        return HookResult.DECLINED;
    }
}
