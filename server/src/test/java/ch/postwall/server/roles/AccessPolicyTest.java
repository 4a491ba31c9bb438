package ch.postwall.server.roles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ch.postwall.mailbox.testing.ControllableClock;

/** Every role × every action × every kind of resource, against an explicit table of what is allowed. */
class AccessPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final Domain EXAMPLE = Domain.of("example.com");
    private static final Username ALICE = Username.of("alice@example.com");
    private static final Username BOB = Username.of("bob@example.com");
    private static final Username CAROL = Username.of("carol@other.org");

    private static final Map<String, Resource> RESOURCES = Map.of(
        "bob", Resource.mailbox(BOB),
        "alice", Resource.mailbox(ALICE),
        "example.com", Resource.domain(EXAMPLE),
        "carol", Resource.mailbox(CAROL),
        "other.org", Resource.domain(Domain.of("other.org")),
        "platform", Resource.platform());

    private static final Map<String, Principal> PRINCIPALS = Map.of(
        "platform admin", Principal.staff(new StaffAccount("root", StaffRole.PLATFORM_ADMIN, "x")),
        "technical admin", Principal.staff(new StaffAccount("tech", StaffRole.TECHNICAL_ADMIN, "x")),
        "support", Principal.staff(new StaffAccount("helpdesk", StaffRole.SUPPORT, "x")),
        "domain admin", Principal.mailUser(ALICE, Set.of(EXAMPLE)),
        "user", Principal.mailUser(BOB, Set.of()));

    /** What each principal may do, as "ACTION ACTION... @ resource resource...". Anything not listed is refused. */
    private static final Map<String, List<String>> ALLOWED = Map.of(
        "platform admin", List.of(
            "TRACE_SEARCH QUARANTINE_LIST QUARANTINE_HEADERS QUARANTINE_MESSAGE QUARANTINE_RELEASE QUARANTINE_DELETE "
                + "BLOCK_SENDER PROTOCOL_LOG_READ SUPPORT_GRANT_MANAGE USER_PROVISION ROLE_MANAGE OWN_SETTINGS "
                + "RETENTION_READ RETENTION_CHOOSE RETENTION_LIMITS_SET ACCESS_LOG_READ EXPORT TERMINATE_USER TERMINATE_DOMAIN "
                + "DELETION_REPORT_READ @ bob alice example.com carol other.org platform"),
        "technical admin", List.of("QUARANTINE_LIST QUARANTINE_HEADERS @ bob alice example.com carol other.org platform"),
        // example.com has granted support access, other.org has not.
        "support", List.of("TRACE_SEARCH QUARANTINE_LIST @ bob alice example.com"),
        "domain admin", List.of(
            "TRACE_SEARCH QUARANTINE_LIST QUARANTINE_HEADERS QUARANTINE_MESSAGE QUARANTINE_RELEASE QUARANTINE_DELETE "
                + "BLOCK_SENDER SUPPORT_GRANT_MANAGE USER_PROVISION RETENTION_READ RETENTION_CHOOSE ACCESS_LOG_READ EXPORT "
                + "TERMINATE_USER @ bob alice example.com",
            "OWN_SETTINGS @ alice"),
        "user", List.of(
            "TRACE_SEARCH QUARANTINE_LIST QUARANTINE_HEADERS QUARANTINE_MESSAGE QUARANTINE_RELEASE QUARANTINE_DELETE "
                + "BLOCK_SENDER OWN_SETTINGS RETENTION_READ RETENTION_CHOOSE ACCESS_LOG_READ EXPORT @ bob"));

    private final ControllableClock clock = new ControllableClock(NOW);
    private final MemoryRoleGrantStore grants = new MemoryRoleGrantStore(clock);
    private final AccessPolicy policy = new AccessPolicy(grants);

    @BeforeEach
    void grantSupportToExample() {
        grants.grantSupport(new SupportGrant(EXAMPLE, ALICE, NOW, NOW.plus(Duration.ofDays(1))));
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        PRINCIPALS.keySet().forEach(principal -> EnumSet.allOf(Action.class).forEach(action -> RESOURCES.keySet()
            .forEach(resource -> cases.add(Arguments.of(principal, action, resource, isListed(principal, action, resource))))));
        return cases.stream();
    }

    private static boolean isListed(String principal, Action action, String resource) {
        return ALLOWED.get(principal).stream().map(rule -> rule.split(" @ "))
            .anyMatch(rule -> List.of(rule[0].split(" ")).contains(action.name())
                && List.of(rule[1].split(" ")).contains(resource));
    }

    @ParameterizedTest(name = "{0} {1} on {2}: {3}")
    @MethodSource("matrix")
    void allowsShouldMatchTheTableForEveryRoleActionAndResource(String principal, Action action, String resource, boolean allowed) {
        assertThat(policy.allows(PRINCIPALS.get(principal), action, RESOURCES.get(resource))).isEqualTo(allowed);
    }

    @Test
    void supportShouldLoseAccessWhenGrantRevoked() {
        grants.revokeSupport(EXAMPLE);

        assertThat(policy.allows(PRINCIPALS.get("support"), Action.TRACE_SEARCH, Resource.domain(EXAMPLE))).isFalse();
    }

    @Test
    void supportShouldLoseAccessWhenGrantEnds() {
        clock.advance(Duration.ofDays(1));

        assertThat(policy.allows(PRINCIPALS.get("support"), Action.QUARANTINE_LIST, Resource.domain(EXAMPLE))).isFalse();
    }

    @Test
    void technicalAdminShouldNeverReadFullMessages() {
        assertThat(RESOURCES.values())
            .noneMatch(resource -> policy.allows(PRINCIPALS.get("technical admin"), Action.QUARANTINE_MESSAGE, resource));
    }
}
