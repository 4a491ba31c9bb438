package ch.postwall.mailbox.opensearch;

import javax.inject.Inject;

import org.apache.james.core.Username;

import ch.postwall.mailbox.provisioning.UserRemovalStep;

/**
 * Deletes a removed account's documents from OpenSearch: they hold the text of its mail, which must not stay
 * searchable, nor stored in the index, once the account is gone.
 */
public class SearchIndexUserRemoval implements UserRemovalStep {
    private final OpenSearchMessageSearchIndex index;

    @Inject
    public SearchIndexUserRemoval(OpenSearchMessageSearchIndex index) {
        this.index = index;
    }

    @Override
    public String description() {
        return "search index documents";
    }

    @Override
    public void remove(Username username) {
        index.deleteUser(username).block();
    }
}
