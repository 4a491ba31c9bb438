package ch.postwall.server.roles;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

/**
 * Who holds which role: staff accounts, domain admins and support-access grants. A support grant
 * is gone once its end passed: no operation returns it, and it is deleted, by {@link #purgeExpired()}
 * or by the backend's own expiry. Stores do not authorize; {@link AccessPolicy} does.
 */
public interface RoleGrantStore {
    /** Adds the account or replaces the one with its login. */
    void putStaff(StaffAccount account);

    Optional<StaffAccount> staff(String login);

    List<StaffAccount> listStaff();

    void removeStaff(String login);

    void grantDomainAdmin(Username user, Domain domain);

    void revokeDomainAdmin(Username user, Domain domain);

    Set<Domain> administeredDomains(Username user);

    Set<Username> domainAdmins(Domain domain);

    /** Grants or replaces the domain's support access. */
    void grantSupport(SupportGrant grant);

    void revokeSupport(Domain domain);

    /** The domain's support grant while it is valid. */
    Optional<SupportGrant> supportGrant(Domain domain);

    /** What the store holds about the user (the domains they administer, the support grants they gave): the export. */
    UserRoleGrants listByUser(Username user);

    /** Deletes the user's domain-admin grants; support grants they gave stay (they belong to the domain). */
    void deleteUser(Username user);

    /** Deletes the domain's admins and support grant. */
    void deleteDomain(Domain domain);

    /** Deletes support grants whose end passed and returns how many there were. */
    int purgeExpired();

    /** The grants concerning one user. */
    record UserRoleGrants(Set<Domain> administeredDomains, List<SupportGrant> supportGrantsGiven) {
        public UserRoleGrants {
            administeredDomains = Set.copyOf(administeredDomains);
            supportGrantsGiven = List.copyOf(supportGrantsGiven);
        }
    }
}
