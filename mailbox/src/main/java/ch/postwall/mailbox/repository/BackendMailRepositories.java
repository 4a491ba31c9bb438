package ch.postwall.mailbox.repository;

import java.util.List;

import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.james.mailrepository.api.Protocol;
import org.apache.james.mailrepository.memory.MailRepositoryStoreConfiguration;

/**
 * Lets one shipped {@code mailetcontainer.xml} serve every backend: its repository URLs use the backend-neutral
 * protocol {@code postwall://}, which each backend maps to its own mail repository class. The shipped
 * {@code mailrepositorystore.xml} names no repository class, so James falls back to the backend's item.
 */
public final class BackendMailRepositories {
    /** The protocol of the shipped repository URLs, e.g. {@code postwall://var/mail/error/}. */
    public static final Protocol NEUTRAL = new Protocol("postwall");

    private BackendMailRepositories() {
    }

    /**
     * The backend's default store item: the neutral protocol first (it becomes the default protocol of repositories
     * created over WebAdmin), then the backend's own protocol for URLs written for that backend only.
     */
    public static MailRepositoryStoreConfiguration.Item item(Protocol backendProtocol, Class<?> repositoryClass) {
        return new MailRepositoryStoreConfiguration.Item(List.of(NEUTRAL, backendProtocol), repositoryClass.getName(),
            new BaseHierarchicalConfiguration());
    }
}
