package ch.postwall.mailbox.embedded;

import java.time.Duration;
import java.util.concurrent.ExecutionException;

import org.apache.james.rrt.api.RecipientRewriteTableException;
import org.apache.james.rrt.jpa.JPARecipientRewriteTable;
import org.apache.james.rrt.lib.Mapping;
import org.apache.james.rrt.lib.MappingSource;
import org.apache.james.rrt.lib.Mappings;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;

/**
 * James's JPA recipient rewrite table, remembering the mappings it read: every recipient of every mail looks up its
 * address and its domain, nearly always finding nothing, and each look-up was a database query. Every change goes
 * through this table ({@link #addMapping}, {@link #removeMapping}, which James's alias, forward, group and domain
 * operations use) and forgets what it remembered for that source; the embedded backend runs one server per database.
 */
public class CachingJPARecipientRewriteTable extends JPARecipientRewriteTable {
    private static final int SOURCES_REMEMBERED = 10_000;
    /** Bounds staleness should a change ever bypass this table, or race with a read that started before it. */
    private static final Duration REMEMBERED_FOR = Duration.ofMinutes(1);

    private final Cache<MappingSource, Mappings> storedMappings = CacheBuilder.newBuilder()
        .maximumSize(SOURCES_REMEMBERED)
        .expireAfterWrite(REMEMBERED_FOR)
        .build();

    @Override
    public Mappings getStoredMappings(MappingSource source) throws RecipientRewriteTableException {
        try {
            return storedMappings.get(source, () -> super.getStoredMappings(source));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RecipientRewriteTableException failure) {
                throw failure;
            }
            throw new RecipientRewriteTableException("Error while retrieve mappings", e.getCause());
        }
    }

    @Override
    public void addMapping(MappingSource source, Mapping mapping) throws RecipientRewriteTableException {
        changing(source, () -> super.addMapping(source, mapping));
    }

    @Override
    public void removeMapping(MappingSource source, Mapping mapping) throws RecipientRewriteTableException {
        changing(source, () -> super.removeMapping(source, mapping));
    }

    private interface Change {
        void run() throws RecipientRewriteTableException;
    }

    private void changing(MappingSource source, Change change) throws RecipientRewriteTableException {
        // Read afresh: the stored mappings are rewritten from what the change reads.
        storedMappings.invalidate(source);
        try {
            change.run();
        } finally {
            storedMappings.invalidate(source);
        }
    }
}
