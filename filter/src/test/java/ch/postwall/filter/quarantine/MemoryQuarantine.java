package ch.postwall.filter.quarantine;

import java.util.List;

import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.Protocol;
import org.apache.james.mailrepository.memory.MailRepositoryStoreConfiguration;
import org.apache.james.mailrepository.memory.MemoryMailRepository;
import org.apache.james.mailrepository.memory.MemoryMailRepositoryStore;
import org.apache.james.mailrepository.memory.MemoryMailRepositoryUrlStore;
import org.apache.james.mailrepository.memory.SimpleMailRepositoryLoader;

/** James's in-memory mail repository store serving {@code memory://} URLs, as the memory server has it. */
public final class MemoryQuarantine {
    public static final String PREFIX = "memory://var/mail/quarantine/";
    public static final Protocol MEMORY = new Protocol("memory");

    private MemoryQuarantine() {
    }

    public static MailRepositoryStore store() throws Exception {
        MemoryMailRepositoryStore store = new MemoryMailRepositoryStore(new MemoryMailRepositoryUrlStore(), new SimpleMailRepositoryLoader(),
            MailRepositoryStoreConfiguration.forItems(new MailRepositoryStoreConfiguration.Item(List.of(MEMORY),
                MemoryMailRepository.class.getName(), new BaseHierarchicalConfiguration())));
        store.init();
        return store;
    }
}
