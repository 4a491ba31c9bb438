package ch.postwall.calendar.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.dnsservice.api.DNSService;
import org.apache.james.domainlist.lib.DomainListConfiguration;
import org.apache.james.domainlist.memory.MemoryDomainList;
import org.apache.james.user.memory.MemoryUsersRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UsersRepositoryCalendarAuthenticatorTest {
    UsersRepositoryCalendarAuthenticator authenticator;

    @BeforeEach
    void setUp() throws Exception {
        MemoryDomainList domains = new MemoryDomainList(mock(DNSService.class));
        domains.configure(DomainListConfiguration.builder().autoDetect(false).autoDetectIp(false).build());
        domains.addDomain(Domain.of("example.com"));
        MemoryUsersRepository users = MemoryUsersRepository.withVirtualHosting(domains);
        users.addUser(Username.of("alice@example.com"), "wonderland");
        authenticator = new UsersRepositoryCalendarAuthenticator(users);
    }

    @Test
    void authenticateShouldReturnUserWhenPasswordMatches() {
        assertThat(authenticator.authenticate("alice@example.com", "wonderland".toCharArray()))
            .contains(Username.of("alice@example.com"));
    }

    @Test
    void authenticateShouldBeEmptyWhenPasswordWrongOrUserUnknownOrInvalid() {
        assertThat(authenticator.authenticate("alice@example.com", "guess".toCharArray())).isEmpty();
        assertThat(authenticator.authenticate("bob@example.com", "wonderland".toCharArray())).isEmpty();
        assertThat(authenticator.authenticate("", "wonderland".toCharArray())).isEmpty();
    }
}
