package ch.postwall.filter.gateway;

import java.util.Collection;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;

/** Matches the recipients whose domain has a gateway route, i.e. whose mail is relayed to the customer's server. */
public class RecipientIsGatewayDomain extends GenericMatcher {
    private final GatewayRouteStore routes;

    @Inject
    public RecipientIsGatewayDomain(GatewayRouteStore routes) {
        this.routes = routes;
    }

    @Override
    public Collection<MailAddress> match(Mail mail) {
        return mail.getRecipients().stream()
            .filter(recipient -> routes.retrieve(recipient.getDomain()).isPresent())
            .collect(Collectors.toList());
    }
}
