package ch.postwall.mailbox.cassandra;

import org.apache.james.backends.cassandra.components.CassandraModule;
import org.apache.james.sieve.cassandra.CassandraSieveRepository;
import org.apache.james.sieve.cassandra.CassandraSieveRepositoryModule;
import org.apache.james.sieverepository.api.SieveQuotaRepository;
import org.apache.james.sieverepository.api.SieveRepository;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

/** Users' Sieve scripts and their quotas on Cassandra. */
public class CassandraSieveBackendModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(CassandraSieveRepository.class).in(Scopes.SINGLETON);
        bind(SieveRepository.class).to(CassandraSieveRepository.class);
        bind(SieveQuotaRepository.class).to(CassandraSieveRepository.class);
        Multibinder.newSetBinder(binder(), CassandraModule.class).addBinding().toInstance(CassandraSieveRepositoryModule.MODULE);
    }
}
