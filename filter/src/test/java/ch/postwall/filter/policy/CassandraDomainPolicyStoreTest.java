package ch.postwall.filter.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.apache.james.backends.cassandra.components.CassandraModule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.datastax.oss.driver.api.core.CqlSession;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;

import ch.postwall.mailbox.cassandra.CassandraExtension;

class CassandraDomainPolicyStoreTest implements DomainPolicyStoreContract {
    @RegisterExtension
    static CassandraExtension cassandra = new CassandraExtension(CassandraDomainPolicyTable.MODULE);

    private CassandraDomainPolicyStore store;

    @BeforeEach
    void setUp() {
        store = new CassandraDomainPolicyStore(cassandra.session());
    }

    @Override
    public DomainPolicyStore store() {
        return store;
    }

    @Test
    void moduleShouldBindTheStoreAndContributeTheTable() {
        Injector injector = Guice.createInjector(new CassandraDomainPolicyModule(),
            binder -> binder.bind(CqlSession.class).toInstance(cassandra.session()));

        assertThat(injector.getInstance(DomainPolicyStore.class)).isInstanceOf(CassandraDomainPolicyStore.class);
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Set<CassandraModule>>() { })))
            .contains(CassandraDomainPolicyTable.MODULE);
    }
}
