package ch.postwall.filter.quarantine;

import java.time.Clock;
import java.time.Duration;

import org.apache.james.core.Username;
import org.apache.james.mailrepository.MailRepositoryContract;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryPath;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.junit.jupiter.api.BeforeEach;

/** A recipient's quarantine repository honours James's mail-repository contract. */
class QuarantineRepositoryTest implements MailRepositoryContract {
    private MailRepositoryStore store;

    @BeforeEach
    void setUp() throws Exception {
        store = MemoryQuarantine.store();
    }

    @Override
    public MailRepository retrieveRepository() throws Exception {
        Quarantine quarantine = new Quarantine(store, MemoryQuarantine.PREFIX, Duration.ofDays(1), Clock.systemUTC());
        return store.select(quarantine.urlOf(Username.of("alice@example.com")));
    }

    @Override
    public MailRepository retrieveRepository(MailRepositoryPath path) throws Exception {
        return store.select(MailRepositoryUrl.fromPathAndProtocol(MemoryQuarantine.MEMORY, path));
    }
}
