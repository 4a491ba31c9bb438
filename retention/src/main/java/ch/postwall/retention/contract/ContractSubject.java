package ch.postwall.retention.contract;

import java.util.Objects;
import java.util.Optional;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

/** Whose contract: one user, or a whole domain. */
public record ContractSubject(Kind kind, String name) {
    public enum Kind {
        USER,
        DOMAIN
    }

    public static ContractSubject user(Username user) {
        return new ContractSubject(Kind.USER, user.asString());
    }

    public static ContractSubject domain(Domain domain) {
        return new ContractSubject(Kind.DOMAIN, domain.asString());
    }

    public ContractSubject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public Optional<Username> asUser() {
        return kind == Kind.USER ? Optional.of(Username.of(name)) : Optional.empty();
    }

    public Optional<Domain> asDomain() {
        return kind == Kind.DOMAIN ? Optional.of(Domain.of(name)) : Optional.empty();
    }
}
