package ch.postwall.filter.mailet;

import org.apache.james.core.MailAddress;
import org.apache.james.mailrepository.MailRepositoryContract;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryPath;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.junit.jupiter.api.BeforeEach;

/** A recipient's quarantine, as ToQuarantine selects it, honours James's mail-repository contract. */
class QuarantineRepositoryTest implements MailRepositoryContract {
    private MailRepositoryStore store;

    @BeforeEach
    void setUp() throws Exception {
        store = MemoryQuarantine.store();
    }

    @Override
    public MailRepository retrieveRepository() throws Exception {
        return store.select(ToQuarantine.quarantineOf(MemoryQuarantine.PREFIX, new MailAddress("alice@example.com")));
    }

    @Override
    public MailRepository retrieveRepository(MailRepositoryPath path) throws Exception {
        return store.select(MailRepositoryUrl.fromPathAndProtocol(MemoryQuarantine.MEMORY, path));
    }
}
