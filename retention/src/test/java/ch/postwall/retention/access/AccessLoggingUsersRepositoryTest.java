package ch.postwall.retention.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.domainlist.lib.DomainListConfiguration;
import org.apache.james.domainlist.memory.MemoryDomainList;
import org.apache.james.user.memory.MemoryUsersRepository;
import org.apache.james.util.MDCBuilder;
import org.apache.james.utils.UpdatableTickingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class AccessLoggingUsersRepositoryTest {
    private static final Domain DOMAIN = Domain.of("postwall.test");
    private static final Username ALICE = Username.fromLocalPartWithDomain("alice", DOMAIN);

    private final UpdatableTickingClock clock = new UpdatableTickingClock(AccessLogStoreContract.START);
    private MemoryAccessLogStore log;
    private AccessLoggingUsersRepository repository;

    @BeforeEach
    void setUp() throws Exception {
        MemoryDomainList domainList = new MemoryDomainList(null);
        domainList.configure(DomainListConfiguration.builder().autoDetect(false).autoDetectIp(false).build());
        domainList.addDomain(DOMAIN);
        MemoryUsersRepository storage = MemoryUsersRepository.withVirtualHosting(domainList);
        storage.addUser(ALICE, "secret");
        log = new MemoryAccessLogStore(clock, AccessLogConfiguration.DEFAULT);
        repository = new AccessLoggingUsersRepository(storage, new AccessRecorder(log, clock));
    }

    @AfterEach
    void tearDown() {
        MDC.clear();
    }

    @Test
    void testShouldRecordASuccessWithTheProtocolAndAddressOfTheThread() throws Exception {
        MDC.put(MDCBuilder.PROTOCOL, "IMAP");
        MDC.put(MDCBuilder.IP, "192.0.2.7");

        assertThat(repository.test(ALICE, "secret")).isTrue();

        assertThat(log.listByUser(ALICE, 10)).singleElement()
            .satisfies(entry -> {
                assertThat(entry.type()).isEqualTo(AccessType.IMAP);
                assertThat(entry.remoteIp()).isEqualTo("192.0.2.7");
                assertThat(entry.time()).isEqualTo(AccessLogStoreContract.START);
                assertThat(entry.succeeded()).isTrue();
            });
    }

    @Test
    void testShouldRecordAFailureWhenThePasswordIsWrong() throws Exception {
        MDC.put(MDCBuilder.PROTOCOL, "SMTP");
        MDC.put(MDCBuilder.IP, "2001:db8::1");

        assertThat(repository.test(ALICE, "wrong")).isFalse();

        assertThat(log.listByUser(ALICE, 10)).singleElement()
            .satisfies(entry -> {
                assertThat(entry.type()).isEqualTo(AccessType.SMTP_AUTH);
                assertThat(entry.failureReason()).contains("invalid credentials");
            });
    }

    @Test
    void testShouldRecordTheNamedAccountWhenItDoesNotExist() throws Exception {
        Username mallory = Username.fromLocalPartWithDomain("mallory", DOMAIN);
        MDC.put(MDCBuilder.PROTOCOL, "POP3");

        assertThat(repository.test(mallory, "guess")).isFalse();

        assertThat(log.listByUser(mallory, 10)).extracting(AccessEntry::type).containsExactly(AccessType.POP3);
    }

    @Test
    void testShouldRecordAnUnknownProtocolAndAddressWhenTheThreadHasNoContext() throws Exception {
        repository.test(ALICE, "secret");

        assertThat(log.listByUser(ALICE, 10)).singleElement()
            .satisfies(entry -> {
                assertThat(entry.type()).isEqualTo(AccessType.OTHER);
                assertThat(entry.remoteIp()).isEqualTo(AccessLoggingUsersRepository.UNKNOWN_IP);
            });
    }

    @Test
    void fromProtocolShouldMapJamesProtocolNames() {
        assertThat(AccessType.fromProtocol("MANAGE-SIEVE")).contains(AccessType.MANAGESIEVE);
        assertThat(AccessType.fromProtocol("webadmin")).contains(AccessType.WEBADMIN);
        assertThat(AccessType.fromProtocol("gopher")).isEqualTo(Optional.empty());
    }
}
