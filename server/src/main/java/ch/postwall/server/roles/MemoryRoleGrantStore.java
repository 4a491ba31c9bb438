package ch.postwall.server.roles;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

public class MemoryRoleGrantStore implements RoleGrantStore {
    private final Map<String, StaffAccount> staff = new ConcurrentHashMap<>();
    private final Set<DomainAdmin> domainAdmins = ConcurrentHashMap.newKeySet();
    private final Map<Domain, SupportGrant> supportGrants = new ConcurrentHashMap<>();
    private final Clock clock;

    private record DomainAdmin(Username user, Domain domain) {
    }

    @Inject
    public MemoryRoleGrantStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void putStaff(StaffAccount account) {
        staff.put(account.login(), account);
    }

    @Override
    public Optional<StaffAccount> staff(String login) {
        return Optional.ofNullable(staff.get(login));
    }

    @Override
    public List<StaffAccount> listStaff() {
        return staff.values().stream().sorted(Comparator.comparing(StaffAccount::login)).toList();
    }

    @Override
    public void removeStaff(String login) {
        staff.remove(login);
    }

    @Override
    public void grantDomainAdmin(Username user, Domain domain) {
        domainAdmins.add(new DomainAdmin(user, domain));
    }

    @Override
    public void revokeDomainAdmin(Username user, Domain domain) {
        domainAdmins.remove(new DomainAdmin(user, domain));
    }

    @Override
    public Set<Domain> administeredDomains(Username user) {
        return domainAdmins.stream().filter(admin -> admin.user().equals(user)).map(DomainAdmin::domain)
            .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Set<Username> domainAdmins(Domain domain) {
        return domainAdmins.stream().filter(admin -> admin.domain().equals(domain)).map(DomainAdmin::user)
            .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void grantSupport(SupportGrant grant) {
        supportGrants.put(grant.domain(), grant);
    }

    @Override
    public void revokeSupport(Domain domain) {
        supportGrants.remove(domain);
    }

    @Override
    public Optional<SupportGrant> supportGrant(Domain domain) {
        return Optional.ofNullable(supportGrants.get(domain)).filter(grant -> grant.isValidAt(clock.instant()));
    }

    @Override
    public UserRoleGrants listByUser(Username user) {
        Instant now = clock.instant();
        return new UserRoleGrants(administeredDomains(user), supportGrants.values().stream()
            .filter(grant -> grant.grantedBy().equals(user) && grant.isValidAt(now))
            .sorted(Comparator.comparing(grant -> grant.domain().asString()))
            .toList());
    }

    @Override
    public void deleteUser(Username user) {
        domainAdmins.removeIf(admin -> admin.user().equals(user));
    }

    @Override
    public void deleteDomain(Domain domain) {
        domainAdmins.removeIf(admin -> admin.domain().equals(domain));
        supportGrants.remove(domain);
    }

    @Override
    public int purgeExpired() {
        Instant now = clock.instant();
        List<Domain> expired = supportGrants.values().stream().filter(grant -> !grant.isValidAt(now))
            .map(SupportGrant::domain).toList();
        expired.forEach(supportGrants::remove);
        return expired.size();
    }
}
