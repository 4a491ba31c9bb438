package ch.postwall.filter.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecipientIsGatewayDomainTest {
    private MemoryGatewayRouteStore routes;
    private RecipientIsGatewayDomain matcher;

    @BeforeEach
    void setUp() throws Exception {
        routes = new MemoryGatewayRouteStore();
        routes.save(GatewayRoute.builder(Domain.of("example.com"), "mx.example.com").build());
        matcher = new RecipientIsGatewayDomain(routes);
        matcher.init(FakeMatcherConfig.builder().matcherName("RecipientIsGatewayDomain").build());
    }

    @Test
    void matchShouldReturnOnlyRecipientsOfGatewayDomains() throws Exception {
        FakeMail mail = FakeMail.builder().name("mail")
            .recipients("alice@example.com", "local@hosted.test", "bob@EXAMPLE.com")
            .build();

        assertThat(matcher.match(mail)).containsExactly(new MailAddress("alice@example.com"), new MailAddress("bob@example.com"));
    }

    @Test
    void matchShouldReturnNothingWhenNoRecipientOfGatewayDomain() throws Exception {
        assertThat(matcher.match(FakeMail.builder().name("mail").recipients("local@hosted.test").build())).isEmpty();
    }
}
