package ch.postwall.calendar.server;

import static org.mockito.Mockito.mock;

import org.apache.james.core.Username;
import org.apache.james.dnsservice.api.DNSService;
import org.apache.james.domainlist.lib.DomainListConfiguration;
import org.apache.james.domainlist.memory.MemoryDomainList;
import org.apache.james.user.memory.MemoryUsersRepository;

/** A James memory users repository with virtual hosting, holding one account. */
public final class TestUsers {
    private TestUsers() {
    }

    public static MemoryUsersRepository with(Username user, String password) throws Exception {
        MemoryDomainList domains = new MemoryDomainList(mock(DNSService.class));
        domains.configure(DomainListConfiguration.builder().autoDetect(false).autoDetectIp(false).build());
        domains.addDomain(user.getDomainPart().orElseThrow());
        MemoryUsersRepository users = MemoryUsersRepository.withVirtualHosting(domains);
        users.addUser(user, password);
        return users;
    }
}
