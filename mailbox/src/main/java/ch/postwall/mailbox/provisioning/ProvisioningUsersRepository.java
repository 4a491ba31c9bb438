package ch.postwall.mailbox.provisioning;

import java.time.Duration;
import java.util.Set;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.reactivestreams.Publisher;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;

import reactor.core.publisher.Mono;

/**
 * The backend's users repository, running every {@link UserProvisioningStep} for each user it adds and every
 * {@link UserRemovalStep} for each user it removes. Users are added and removed by WebAdmin and by our own
 * provisioning and wipe alike, so this is the one place that sees them all.
 */
public class ProvisioningUsersRepository extends ForwardingUsersRepository {
    /** Name of the binding of the backend's own repository, which this one decorates. */
    public static final String STORAGE = "storage";

    /**
     * SMTP's RCPT and the mail chain ask whether each recipient is hosted: a database query each time. A yes is
     * kept this long; a removal through this repository forgets it at once, one on another node is seen after it
     * (mail accepted meanwhile bounces at delivery). A no is never kept: a new user gets mail at once.
     */
    static final Duration HOSTED_ANSWER_TTL = Duration.ofSeconds(10);
    private static final int HOSTED_ANSWERS_KEPT = 100_000;

    private final Set<UserProvisioningStep> steps;
    private final Set<UserRemovalStep> removalSteps;
    private final Cache<Username, Boolean> hostedUsers = CacheBuilder.newBuilder()
        .expireAfterWrite(HOSTED_ANSWER_TTL)
        .maximumSize(HOSTED_ANSWERS_KEPT)
        .build();

    @Inject
    public ProvisioningUsersRepository(@Named(STORAGE) UsersRepository storage, Set<UserProvisioningStep> steps,
                                       Set<UserRemovalStep> removalSteps) {
        super(storage);
        this.steps = steps;
        this.removalSteps = removalSteps;
    }

    @Override
    public void addUser(Username username, String password) throws UsersRepositoryException {
        super.addUser(username, password);
        for (UserProvisioningStep step : steps) {
            try {
                step.provision(username);
            } catch (Exception e) {
                throw new UsersRepositoryException("User " + username.asString() + " was created, but not its "
                    + step.description(), e);
            }
        }
    }

    @Override
    public boolean contains(Username name) throws UsersRepositoryException {
        return knownHosted(name) || remember(name, super.contains(name));
    }

    @Override
    public Publisher<Boolean> containsReactive(Username name) {
        if (knownHosted(name)) {
            return Mono.just(true);
        }
        return Mono.from(super.containsReactive(name)).map(hosted -> remember(name, hosted));
    }

    private boolean knownHosted(Username name) {
        return hostedUsers.getIfPresent(name) != null;
    }

    private boolean remember(Username name, boolean hosted) {
        if (hosted) {
            hostedUsers.put(name, Boolean.TRUE);
        }
        return hosted;
    }

    @Override
    public void removeUser(Username username) throws UsersRepositoryException {
        super.removeUser(username);
        // After the removal: a look-up racing it may have kept the yes again meanwhile.
        forget(username);
        for (UserRemovalStep step : removalSteps) {
            try {
                step.remove(username);
            } catch (Exception e) {
                throw new UsersRepositoryException("User " + username.asString() + " was removed, but not its "
                    + step.description(), e);
            }
        }
    }

    /** Forgets every spelling of the name: whether the storage compares names ignoring case is its own affair. */
    private void forget(Username username) {
        hostedUsers.asMap().keySet().removeIf(kept -> kept.asString().equalsIgnoreCase(username.asString()));
    }
}
