package ch.postwall.mailbox.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.core.Username;
import org.apache.james.sieverepository.api.ScriptContent;
import org.apache.james.sieverepository.api.ScriptName;
import org.apache.james.sieverepository.api.SieveRepository;
import org.apache.james.sieverepository.api.exception.ScriptNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.mailbox.testing.EmbeddedBackendExtension;

/** Every change to a user's scripts is seen by the next read of the active script, on the real embedded database. */
class CachingJPASieveRepositoryTest {
    private static final AtomicInteger USERS = new AtomicInteger();
    private static final ScriptName VACATION = new ScriptName("vacation");
    private static final ScriptName FILTERS = new ScriptName("filters");
    private static final ScriptName OTHER = new ScriptName("other");

    @RegisterExtension
    static final EmbeddedBackendExtension server = new EmbeddedBackendExtension();

    private final SieveRepository repository = server.instance(SieveRepository.class);
    private final Username user = Username.of("sieve" + USERS.incrementAndGet() + "@localhost");

    @Test
    void theEmbeddedBackendShouldRememberActiveScripts() {
        assertThat(repository).isInstanceOf(CachingJPASieveRepository.class);
    }

    @Test
    void aUserWithoutActiveScriptShouldHaveNoneOnEveryRead() {
        for (int read = 0; read < 2; read++) {
            assertThatThrownBy(() -> repository.getActive(user)).isInstanceOf(ScriptNotFoundException.class);
            assertThatThrownBy(() -> repository.getActivationDateForActiveScript(user)).isInstanceOf(ScriptNotFoundException.class);
        }
    }

    @Test
    void everyChangeShouldBeSeenByTheNextRead() throws Exception {
        assertThatThrownBy(() -> repository.getActive(user)).isInstanceOf(ScriptNotFoundException.class);

        repository.putScript(user, VACATION, new ScriptContent("keep;"));
        repository.setActive(user, VACATION);
        assertThat(active()).isEqualTo("keep;");
        assertThat(repository.getActivationDateForActiveScript(user)).isNotNull();

        repository.putScript(user, FILTERS, new ScriptContent("discard;"));
        assertThat(active()).isEqualTo("keep;");
        repository.setActive(user, FILTERS);
        assertThat(active()).isEqualTo("discard;");

        repository.renameScript(user, FILTERS, OTHER);
        assertThat(active()).isEqualTo("discard;");

        repository.setActive(user, SieveRepository.NO_SCRIPT_NAME);
        assertThatThrownBy(() -> repository.getActive(user)).isInstanceOf(ScriptNotFoundException.class);
        assertThatThrownBy(() -> repository.getActivationDateForActiveScript(user)).isInstanceOf(ScriptNotFoundException.class);

        repository.setActive(user, VACATION);
        assertThat(active()).isEqualTo("keep;");
        repository.deleteScript(user, OTHER);
        assertThat(active()).isEqualTo("keep;");
    }

    private String active() throws Exception {
        try (InputStream content = repository.getActive(user)) {
            return new String(content.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
