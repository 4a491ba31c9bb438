package ch.postwall.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;

import javax.net.ssl.SSLContext;

import org.apache.james.core.Domain;
import org.apache.james.core.MaybeSender;
import org.apache.james.core.Username;
import org.apache.james.domainlist.lib.DomainListConfiguration;
import org.apache.james.domainlist.memory.MemoryDomainList;
import org.apache.james.user.memory.MemoryUsersRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ch.postwall.filter.protocollog.MemoryProtocolLogStore;
import ch.postwall.filter.protocollog.ProtocolLogConfiguration;
import ch.postwall.filter.protocollog.SmtpSessionLog;
import ch.postwall.filter.protocollog.TranscriptLine;
import ch.postwall.filter.trace.DeliveryStatus;
import ch.postwall.filter.trace.MemoryMessageTraceStore;
import ch.postwall.filter.trace.MessageTrace;
import ch.postwall.filter.trace.MessageTraceConfiguration;
import ch.postwall.mailbox.testing.ControllableClock;
import ch.postwall.retention.access.AccessEntry;
import ch.postwall.retention.access.AccessLogConfiguration;
import ch.postwall.retention.access.AccessRecorder;
import ch.postwall.retention.access.MemoryAccessLogStore;
import ch.postwall.retention.contract.ContractSubject;
import ch.postwall.retention.contract.MemoryContractStore;
import ch.postwall.retention.export.ExportArchives;
import ch.postwall.retention.export.ExportConfiguration;
import ch.postwall.retention.export.UserExport;
import ch.postwall.retention.export.ZipExportArchive;
import ch.postwall.retention.policy.MemoryRetentionPolicyStore;
import ch.postwall.retention.policy.RetentionChoice;
import ch.postwall.server.MailClients;
import ch.postwall.server.audit.MemoryAuditLogStore;
import ch.postwall.server.digest.DigestRoutes;
import ch.postwall.server.digest.MemoryDigestSettingsStore;
import ch.postwall.server.http.HttpAccessLog;
import ch.postwall.server.retention.RetentionAdministration;
import ch.postwall.server.retention.RetentionApiRoutes;
import ch.postwall.server.roles.AccessPolicy;
import ch.postwall.server.roles.MemoryRoleGrantStore;
import ch.postwall.server.roles.PasswordHash;
import ch.postwall.server.roles.StaffAccount;
import ch.postwall.server.roles.StaffRole;
import ch.postwall.server.roles.SupportGrant;
import ch.postwall.server.tls.SelfSignedCertificate;

/**
 * Every route × every role × own tenant / other tenant, over real HTTPS against the API server,
 * asserting the exact status. Own tenant: example.com (bob's mailbox, quarantined q1); other
 * tenant: other.org (carol's mailbox, quarantined q2). example.com grants support access.
 */
class ApiRoleMatrixTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final String PASSWORD = "pass-word-1";
    private static final String BODY_LINE = "Your invoice is attached, pay today";
    private static final Username ALICE = Username.of("alice@example.com");
    private static final Username BOB = Username.of("bob@example.com");
    private static final Username CAROL = Username.of("carol@other.org");
    private static final Domain EXAMPLE = Domain.of("example.com");

    @TempDir
    static Path dataDirectory;
    private static SSLContext serverTls;
    private static HttpClient client;

    private final ControllableClock clock = new ControllableClock(NOW);
    private MemoryRoleGrantStore grants;
    private MemoryQuarantineAccess quarantine;
    private MemoryAuditLogStore audit;
    private MemoryDigestSettingsStore digestSettings;
    private MemoryRetentionPolicyStore policies;
    private MemoryAccessLogStore accessLog;
    private ExportArchives exports;
    @TempDir
    Path exportDirectory;
    private ApiServer server;

    /** An export of each user and domain, made before each test. */
    private static String bobExport;
    private static String carolExport;
    private static String exampleExport;
    private static String otherExport;

    /** A route in its own-tenant and other-tenant form; {DOMAIN}, {USER}, {ID} and the export ids are substituted. */
    private record RouteCase(String method, String path, String body) {
        RouteCase(String method, String path) {
            this(method, path, "");
        }

        String resolve(boolean own) {
            return path.replace("{DOMAIN}", own ? "example.com" : "other.org")
                .replace("{USER_EXPORT}", own ? bobExport : carolExport)
                .replace("{DOMAIN_EXPORT}", own ? exampleExport : otherExport)
                .replace("{USER}", own ? "bob@example.com" : "carol@other.org")
                .replace("{ID}", own ? "q1" : "q2");
        }
    }

    private static final Map<String, RouteCase> ROUTES = Map.ofEntries(
        Map.entry("trace of domain", new RouteCase("GET", "/api/trace?domain={DOMAIN}")),
        Map.entry("trace of user", new RouteCase("GET", "/api/trace?user={USER}")),
        Map.entry("quarantine of domain", new RouteCase("GET", "/api/quarantine?domain={DOMAIN}")),
        Map.entry("quarantine of user", new RouteCase("GET", "/api/quarantine?user={USER}")),
        Map.entry("headers", new RouteCase("GET", "/api/quarantine/{USER}/{ID}/headers")),
        Map.entry("message", new RouteCase("GET", "/api/quarantine/{USER}/{ID}/message")),
        Map.entry("release", new RouteCase("POST", "/api/quarantine/{USER}/{ID}/release")),
        Map.entry("delete", new RouteCase("DELETE", "/api/quarantine/{USER}/{ID}")),
        Map.entry("block sender", new RouteCase("POST", "/api/quarantine/{USER}/blocked-senders?sender=spam@spam.test")),
        Map.entry("protocol logs", new RouteCase("GET", "/api/protocol-logs")),
        Map.entry("protocol log", new RouteCase("GET", "/api/protocol-logs/s1")),
        Map.entry("grant support", new RouteCase("PUT", "/api/domains/{DOMAIN}/support-grant?until=2026-11-25T00:00:00Z")),
        Map.entry("revoke support", new RouteCase("DELETE", "/api/domains/{DOMAIN}/support-grant")),
        Map.entry("put staff", new RouteCase("PUT", "/api/staff/temp", "{\"role\": \"support\", \"password\": \"pw-temp-1\"}")),
        Map.entry("remove staff", new RouteCase("DELETE", "/api/staff/temp")),
        Map.entry("grant domain admin", new RouteCase("PUT", "/api/domains/{DOMAIN}/admins/{USER}")),
        Map.entry("revoke domain admin", new RouteCase("DELETE", "/api/domains/{DOMAIN}/admins/{USER}")),
        Map.entry("domain users", new RouteCase("GET", "/api/domains/{DOMAIN}/users")),
        Map.entry("put domain user", new RouteCase("PUT", "/api/domains/{DOMAIN}/users/newbie@{DOMAIN}",
            "{\"password\": \"a-long-password\"}")),
        Map.entry("digest setting", new RouteCase("GET", "/api/users/{USER}/quarantine-digest")),
        Map.entry("change digest setting", new RouteCase("PUT", "/api/users/{USER}/quarantine-digest", "{\"enabled\": false}")),
        Map.entry("user retention", new RouteCase("GET", "/api/users/{USER}/retention")),
        Map.entry("choose folder retention", new RouteCase("PUT", "/api/users/{USER}/retention/folders/Trash?days=30")),
        Map.entry("remove calendar retention", new RouteCase("DELETE", "/api/users/{USER}/retention/calendars/Personal")),
        Map.entry("retention limits", new RouteCase("GET", "/api/domains/{DOMAIN}/retention-limits")),
        Map.entry("set retention limits", new RouteCase("PUT", "/api/domains/{DOMAIN}/retention-limits?mailMaximumDays=3650")),
        Map.entry("user access log", new RouteCase("GET", "/api/users/{USER}/access-log")),
        Map.entry("domain access log", new RouteCase("GET", "/api/domains/{DOMAIN}/access-log")),
        Map.entry("terminate user", new RouteCase("PUT", "/api/users/{USER}/termination?exportWindowDays=10")),
        Map.entry("cancel user termination", new RouteCase("DELETE", "/api/users/{USER}/termination")),
        Map.entry("terminate domain", new RouteCase("PUT", "/api/domains/{DOMAIN}/termination")),
        Map.entry("cancel domain termination", new RouteCase("DELETE", "/api/domains/{DOMAIN}/termination")),
        Map.entry("deletion reports", new RouteCase("GET", "/api/deletion-reports")),
        Map.entry("request user export", new RouteCase("POST", "/api/users/{USER}/exports")),
        Map.entry("request domain export", new RouteCase("POST", "/api/domains/{DOMAIN}/exports")),
        Map.entry("user export status", new RouteCase("GET", "/api/users/{USER}/exports/{USER_EXPORT}")),
        Map.entry("user export archive", new RouteCase("GET", "/api/users/{USER}/exports/{USER_EXPORT}/archive")),
        Map.entry("domain export status", new RouteCase("GET", "/api/domains/{DOMAIN}/exports/{DOMAIN_EXPORT}")),
        Map.entry("domain export archive", new RouteCase("GET", "/api/domains/{DOMAIN}/exports/{DOMAIN_EXPORT}/archive")));

    /** Retention routes a user may use on their own mailbox, with their own-tenant status. */
    private static final Map<String, Integer> OWN_MAILBOX_RETENTION = Map.of(
        "user retention", 200, "choose folder retention", 204, "remove calendar retention", 204, "user access log", 200,
        "request user export", 202, "user export status", 200, "user export archive", 200);
    /** Retention routes a domain admin may use in their domain beyond those of a user. */
    private static final Map<String, Integer> DOMAIN_RETENTION = Map.of(
        "retention limits", 200, "domain access log", 200, "terminate user", 200, "cancel user termination", 204,
        "request domain export", 202, "domain export status", 200, "domain export archive", 200);
    /** Retention routes only platform admins may use. */
    private static final Map<String, Integer> PLATFORM_RETENTION = Map.of(
        "set retention limits", 200, "terminate domain", 200, "cancel domain termination", 204, "deletion reports", 200);

    private static final Map<String, String> LOGINS = Map.of(
        "platform admin", "root",
        "technical admin", "tech",
        "support", "helpdesk",
        "domain admin", ALICE.asString(),
        "user", BOB.asString());

    /** Expected status per role and route: own tenant, other tenant. Routes without an entry: 403 both. */
    private static final Map<String, Map<String, List<Integer>>> EXPECTED = Map.of(
        "platform admin", withRetention(Map.ofEntries(
            Map.entry("trace of domain", List.of(200, 200)), Map.entry("trace of user", List.of(200, 200)),
            Map.entry("quarantine of domain", List.of(200, 200)), Map.entry("quarantine of user", List.of(200, 200)),
            Map.entry("headers", List.of(200, 200)), Map.entry("message", List.of(200, 200)),
            Map.entry("release", List.of(204, 204)), Map.entry("delete", List.of(204, 204)),
            Map.entry("block sender", List.of(204, 204)), Map.entry("protocol logs", List.of(200, 200)),
            Map.entry("protocol log", List.of(200, 200)), Map.entry("grant support", List.of(204, 204)),
            Map.entry("revoke support", List.of(204, 204)),
            Map.entry("put staff", List.of(204, 204)),
            Map.entry("remove staff", List.of(204, 204)), Map.entry("grant domain admin", List.of(204, 204)),
            Map.entry("revoke domain admin", List.of(204, 204)), Map.entry("digest setting", List.of(200, 200)),
            Map.entry("domain users", List.of(200, 200)), Map.entry("put domain user", List.of(204, 204)),
            Map.entry("change digest setting", List.of(204, 204))), true, OWN_MAILBOX_RETENTION, DOMAIN_RETENTION, PLATFORM_RETENTION),
        "technical admin", Map.of(
            "quarantine of domain", List.of(200, 200), "quarantine of user", List.of(200, 200),
            "headers", List.of(200, 200)),
        "support", Map.of(
            "trace of domain", List.of(200, 403), "trace of user", List.of(200, 403),
            "quarantine of domain", List.of(200, 403), "quarantine of user", List.of(200, 403)),
        "domain admin", withRetention(Map.ofEntries(
            Map.entry("trace of domain", List.of(200, 403)), Map.entry("trace of user", List.of(200, 403)),
            Map.entry("quarantine of domain", List.of(200, 403)), Map.entry("quarantine of user", List.of(200, 403)),
            Map.entry("headers", List.of(200, 403)), Map.entry("message", List.of(200, 403)),
            Map.entry("release", List.of(204, 403)), Map.entry("delete", List.of(204, 403)),
            Map.entry("block sender", List.of(204, 403)), Map.entry("grant support", List.of(204, 403)),
            Map.entry("revoke support", List.of(204, 403)), Map.entry("domain users", List.of(200, 403)),
            Map.entry("put domain user", List.of(204, 403))), false, OWN_MAILBOX_RETENTION, DOMAIN_RETENTION),
        "user", withRetention(Map.of(
            "trace of user", List.of(200, 403), "quarantine of user", List.of(200, 403),
            "headers", List.of(200, 403), "message", List.of(200, 403),
            "release", List.of(204, 403), "delete", List.of(204, 403), "block sender", List.of(204, 403),
            "digest setting", List.of(200, 403), "change digest setting", List.of(204, 403)), false,
            OWN_MAILBOX_RETENTION));

    /** Adds retention routes with their own-tenant status; the other tenant gets the same when {@code everyTenant}, else 403. */
    @SafeVarargs
    private static Map<String, List<Integer>> withRetention(Map<String, List<Integer>> expected, boolean everyTenant,
                                                            Map<String, Integer>... retentionRoutes) {
        Map<String, List<Integer>> all = new HashMap<>(expected);
        for (Map<String, Integer> routes : retentionRoutes) {
            routes.forEach((route, status) -> all.put(route, List.of(status, everyTenant ? status : 403)));
        }
        return all;
    }

    @BeforeAll
    static void createCertificateAndClient() throws Exception {
        SelfSignedCertificate certificate = new SelfSignedCertificate(dataDirectory, Clock.systemUTC());
        certificate.ensureExists();
        serverTls = PemSslContext.of(certificate.privateKeyFile(), certificate.certificateFile());
        client = HttpClient.newBuilder().sslContext(MailClients.trustingContext(certificate.certificateFile())).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @BeforeEach
    void startServer() throws Exception {
        grants = new MemoryRoleGrantStore(clock);
        grants.putStaff(new StaffAccount("root", StaffRole.PLATFORM_ADMIN, PasswordHash.hash(PASSWORD.toCharArray(), 1000)));
        grants.putStaff(new StaffAccount("tech", StaffRole.TECHNICAL_ADMIN, PasswordHash.hash(PASSWORD.toCharArray(), 1000)));
        grants.putStaff(new StaffAccount("helpdesk", StaffRole.SUPPORT, PasswordHash.hash(PASSWORD.toCharArray(), 1000)));
        grants.grantDomainAdmin(ALICE, EXAMPLE);
        grants.grantSupport(new SupportGrant(EXAMPLE, ALICE, NOW, NOW.plus(Duration.ofDays(1))));

        MemoryDomainList domains = new MemoryDomainList(null);
        domains.configure(DomainListConfiguration.builder().autoDetect(false).autoDetectIp(false).build());
        domains.addDomain(EXAMPLE);
        domains.addDomain(Domain.of("other.org"));
        MemoryUsersRepository users = MemoryUsersRepository.withVirtualHosting(domains);
        for (Username user : List.of(ALICE, BOB, CAROL)) {
            users.addUser(user, PASSWORD);
        }

        MemoryMessageTraceStore traces = new MemoryMessageTraceStore(clock, MessageTraceConfiguration.DEFAULT);
        traces.append(new MessageTrace("t1", NOW.minusSeconds(60), "192.0.2.1", MaybeSender.nullSender(),
            List.of(new org.apache.james.core.MailAddress(BOB.asString())), Optional.of("<t1@x>"), 10, Map.of(), "spam",
            "quarantine", DeliveryStatus.QUARANTINED));
        MemoryProtocolLogStore protocolLogs = new MemoryProtocolLogStore(clock, ProtocolLogConfiguration.DEFAULT);
        protocolLogs.append(new SmtpSessionLog("s1", "192.0.2.1", NOW.minusSeconds(60), NOW.minusSeconds(59), Optional.empty(),
            Set.of(), List.of(new TranscriptLine(NOW.minusSeconds(60), TranscriptLine.Direction.CLIENT, "EHLO x"))));
        quarantine = new MemoryQuarantineAccess();
        quarantine.put("q1", BOB, "spam@spam.test", "Invoice", "From: spam@spam.test\r\nSubject: Invoice\r\n\r\n" + BODY_LINE + "\r\n");
        quarantine.put("q2", CAROL, "spam@spam.test", "Invoice", "From: spam@spam.test\r\nSubject: Invoice\r\n\r\n" + BODY_LINE + "\r\n");
        audit = new MemoryAuditLogStore(clock, AccessLogConfiguration.DEFAULT);
        digestSettings = new MemoryDigestSettingsStore();

        AccessPolicy policy = new AccessPolicy(grants);
        ApiRoutes routes = new ApiRoutes(policy, traces, protocolLogs, quarantine, grants, audit, clock);
        policies = new MemoryRetentionPolicyStore();
        accessLog = new MemoryAccessLogStore(clock, AccessLogConfiguration.DEFAULT);
        exports = new ExportArchives(exportDirectory, new UserExport(Set.of(), clock), users, ExportConfiguration.DEFAULT, clock);
        RetentionApiRoutes retentionRoutes = new RetentionApiRoutes(policy,
            new RetentionAdministration(policies, new MemoryContractStore(), clock), policies, accessLog, exports);
        server = new ApiServer(ApiConfiguration.builder().port(0).bindAddress("127.0.0.1").build(), serverTls,
            new ApiAuthenticator(users, grants), new HttpAccessLog(new AccessRecorder(accessLog, clock)),
            List.of(routes, retentionRoutes, new RoleRoutes(policy, grants), new DigestRoutes(policy, digestSettings),
                new UserProvisioningRoutes(policy, users)));
        server.start();
        bobExport = readyExport(ContractSubject.user(BOB));
        carolExport = readyExport(ContractSubject.user(CAROL));
        exampleExport = readyExport(ContractSubject.domain(EXAMPLE));
        otherExport = readyExport(ContractSubject.domain(Domain.of("other.org")));
    }

    private String readyExport(ContractSubject subject) {
        String id = exports.request(subject);
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(20))
            .until(() -> exports.archive(subject, id).isPresent());
        return id;
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        LOGINS.keySet().forEach(role -> ROUTES.keySet().forEach(route -> {
            List<Integer> expected = EXPECTED.get(role).getOrDefault(route, List.of(403, 403));
            cases.add(Arguments.of(role, route, "own tenant", expected.get(0)));
            cases.add(Arguments.of(role, route, "other tenant", expected.get(1)));
        }));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}: {3}")
    @MethodSource("matrix")
    void statusShouldMatchTheTableForEveryRoleRouteAndTenant(String role, String route, String tenant, int expected)
        throws Exception {
        RouteCase routeCase = ROUTES.get(route);
        HttpResponse<byte[]> response = call(LOGINS.get(role), routeCase.method(), routeCase.resolve("own tenant".equals(tenant)),
            PASSWORD, routeCase.body());

        assertThat(response.statusCode()).isEqualTo(expected);
        if (role.equals("technical admin")) {
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain(BODY_LINE);
        }
    }

    @Test
    void technicalAdminShouldReceiveHeadersWithoutAnyBodyByte() throws Exception {
        HttpResponse<byte[]> response = call("tech", "GET", "/api/quarantine/bob@example.com/q1/headers");

        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("Subject: Invoice").doesNotContain(BODY_LINE);
    }

    @Test
    void deniedShouldNotRevealWhetherTheObjectExists() throws Exception {
        assertThat(call(BOB.asString(), "GET", "/api/quarantine/carol@other.org/q2/message").statusCode()).isEqualTo(403);
        assertThat(call(BOB.asString(), "GET", "/api/quarantine/carol@other.org/missing/message").statusCode()).isEqualTo(403);
        assertThat(call(BOB.asString(), "GET", "/api/quarantine/bob@example.com/missing/message").statusCode()).isEqualTo(404);
    }

    @Test
    void requestShouldBeRefusedWithoutValidCredentials() throws Exception {
        assertThat(call("root", "GET", "/api/protocol-logs", "wrong").statusCode()).isEqualTo(401);
        assertThat(call(BOB.asString(), "GET", "/api/trace?user=bob@example.com", "wrong").statusCode()).isEqualTo(401);
        HttpResponse<byte[]> anonymous = client.send(HttpRequest.newBuilder(uri("/api/protocol-logs")).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void readingQuarantinedContentAndRawLogsShouldBeAudited() throws Exception {
        call(ALICE.asString(), "GET", "/api/quarantine/bob@example.com/q1/message");
        clock.advance(Duration.ofMinutes(1));
        call("root", "GET", "/api/protocol-logs/s1");

        assertThat(audit.listByUser(BOB, 10)).singleElement().satisfies(entry -> {
            assertThat(entry.principal()).isEqualTo(ALICE.asString());
            assertThat(entry.action()).isEqualTo("QUARANTINE_MESSAGE");
            assertThat(entry.target()).isEqualTo("quarantine/bob@example.com/q1/message");
            assertThat(entry.time()).isEqualTo(NOW);
        });
        assertThat(audit.listPlatformWide(10)).singleElement().satisfies(entry -> {
            assertThat(entry.principal()).isEqualTo("root");
            assertThat(entry.target()).isEqualTo("protocol-logs/s1");
            assertThat(entry.time()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
        });
    }

    @Test
    void supportShouldLoseAccessWhenDomainAdminRevokesTheGrant() throws Exception {
        assertThat(call("helpdesk", "GET", "/api/trace?domain=example.com").statusCode()).isEqualTo(200);

        assertThat(call(ALICE.asString(), "DELETE", "/api/domains/example.com/support-grant").statusCode()).isEqualTo(204);

        assertThat(call("helpdesk", "GET", "/api/trace?domain=example.com").statusCode()).isEqualTo(403);
    }

    @Test
    void domainAdminShouldCreateUsersOfTheirDomainWhoThenSignInAndChangeTheirPassword() throws Exception {
        String alice = ALICE.asString();
        assertThat(call(alice, "PUT", "/api/domains/example.com/users/dora@example.com", PASSWORD,
            "{\"password\": \"first-password\"}").statusCode()).isEqualTo(204);
        assertThat(call("dora@example.com", "GET", "/api/users/dora@example.com/retention", "first-password").statusCode())
            .isEqualTo(200);
        assertThat(new String(call(alice, "GET", "/api/domains/example.com/users").body(), StandardCharsets.UTF_8))
            .contains("dora@example.com", BOB.asString()).doesNotContain(CAROL.asString());

        assertThat(call(alice, "PUT", "/api/domains/example.com/users/dora@example.com", PASSWORD,
            "{\"password\": \"second-password\"}").statusCode()).isEqualTo(204);
        assertThat(call("dora@example.com", "GET", "/api/users/dora@example.com/retention", "first-password").statusCode())
            .isEqualTo(401);
        assertThat(call("dora@example.com", "GET", "/api/users/dora@example.com/retention", "second-password").statusCode())
            .isEqualTo(200);
    }

    @Test
    void userProvisioningShouldRefuseAnotherDomainsAddressAndShortPasswords() throws Exception {
        String alice = ALICE.asString();
        assertThat(call(alice, "PUT", "/api/domains/example.com/users/eve@other.org", PASSWORD,
            "{\"password\": \"long-enough-1\"}").statusCode()).isEqualTo(400);
        assertThat(call(alice, "PUT", "/api/domains/example.com/users/eve@example.com", PASSWORD,
            "{\"password\": \"short\"}").statusCode()).isEqualTo(400);
        assertThat(call(alice, "PUT", "/api/domains/example.com/users/eve@example.com", PASSWORD, "{}").statusCode())
            .isEqualTo(400);
    }

    @Test
    void staffAccountCreatedByThePlatformAdminShouldSignInWithItsRole() throws Exception {
        assertThat(call("root", "PUT", "/api/staff/reviewer", PASSWORD,
            "{\"role\": \"technical_admin\", \"password\": \"reviewer-pw\"}").statusCode()).isEqualTo(204);

        assertThat(call("reviewer", "GET", "/api/quarantine/bob@example.com/q1/headers", "reviewer-pw").statusCode()).isEqualTo(200);
        assertThat(call("reviewer", "GET", "/api/quarantine/bob@example.com/q1/message", "reviewer-pw").statusCode()).isEqualTo(403);
    }

    @Test
    void putStaffShouldAnswer400WhenTheRoleIsUnknownOrThePasswordMissing() throws Exception {
        assertThat(call("root", "PUT", "/api/staff/reviewer", PASSWORD, "{\"role\": \"god\", \"password\": \"pw\"}").statusCode())
            .isEqualTo(400);
        assertThat(call("root", "PUT", "/api/staff/reviewer", PASSWORD, "{\"role\": \"support\"}").statusCode()).isEqualTo(400);
        assertThat(call("root", "PUT", "/api/staff/reviewer", PASSWORD, "not json").statusCode()).isEqualTo(400);
    }

    @Test
    void domainAdminGrantedByThePlatformAdminShouldReadTheDomainsQuarantine() throws Exception {
        assertThat(call(CAROL.asString(), "GET", "/api/quarantine?domain=example.com").statusCode()).isEqualTo(403);

        assertThat(call("root", "PUT", "/api/domains/example.com/admins/carol@other.org").statusCode()).isEqualTo(204);

        assertThat(call(CAROL.asString(), "GET", "/api/quarantine?domain=example.com").statusCode()).isEqualTo(200);
    }

    @Test
    void userShouldTurnTheirDigestOffAndOnAgain() throws Exception {
        assertThat(call(BOB.asString(), "PUT", "/api/users/bob@example.com/quarantine-digest", PASSWORD, "{\"enabled\": false}")
            .statusCode()).isEqualTo(204);
        assertThat(digestSettings.settings(BOB).optedOut()).isTrue();
        assertThat(new String(call(BOB.asString(), "GET", "/api/users/bob@example.com/quarantine-digest").body(), StandardCharsets.UTF_8))
            .isEqualTo("{\"enabled\":false}");

        call(BOB.asString(), "PUT", "/api/users/bob@example.com/quarantine-digest", PASSWORD, "{\"enabled\": true}");

        assertThat(digestSettings.settings(BOB).optedOut()).isFalse();
        assertThat(call(BOB.asString(), "PUT", "/api/users/bob@example.com/quarantine-digest", PASSWORD, "{\"enabled\": \"no\"}")
            .statusCode()).isEqualTo(400);
    }

    @Test
    void releaseShouldHappenOnceWhenRequestedTwice() throws Exception {
        assertThat(call(BOB.asString(), "POST", "/api/quarantine/bob@example.com/q1/release").statusCode()).isEqualTo(204);
        assertThat(call(BOB.asString(), "POST", "/api/quarantine/bob@example.com/q1/release").statusCode()).isEqualTo(404);

        assertThat(quarantine.released()).containsExactly("bob@example.com/q1");
    }

    @Test
    void retentionChoiceOutsideTheDomainLimitsShouldBeRefusedWithTheLimits() throws Exception {
        assertThat(call("root", "PUT", "/api/domains/example.com/retention-limits?mailMinimumDays=7&mailMaximumDays=365")
            .statusCode()).isEqualTo(200);

        HttpResponse<byte[]> refused = call(BOB.asString(), "PUT", "/api/users/bob@example.com/retention/folders/Archive?days=forever");
        HttpResponse<byte[]> accepted = call(BOB.asString(), "PUT", "/api/users/bob@example.com/retention/folders/Archive%2F2024?days=365");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("at least 7 days, at most 365 days");
        assertThat(accepted.statusCode()).isEqualTo(204);
        assertThat(policies.choices(BOB)).containsExactly(RetentionChoice.mailFolder("Archive/2024", Duration.ofDays(365)));
    }

    @Test
    void invalidLimitsShouldBeRefusedNamingTheParameter() throws Exception {
        HttpResponse<byte[]> response = call("root", "PUT", "/api/domains/example.com/retention-limits?mailMinimumDays=30&mailMaximumDays=7");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("mailMinimumDays must not exceed mailMaximumDays");
    }

    @Test
    void everyCallShouldBeRecordedInTheAccessLogWithItsOutcomeButNoCredential() throws Exception {
        call(BOB.asString(), "GET", "/api/users/bob@example.com/retention");
        call(BOB.asString(), "GET", "/api/users/carol@other.org/retention");
        call(BOB.asString(), "GET", "/api/users/bob@example.com/retention", "wrong-secret");

        assertThat(accessLog.listByUser(BOB, 10))
            .extracting(entry -> entry.type().name(), entry -> entry.failureReason().orElse("success"), AccessEntry::remoteIp)
            .containsExactlyInAnyOrder(tuple("REST", "success", "127.0.0.1"), tuple("REST", "forbidden", "127.0.0.1"),
                tuple("REST", "invalid credentials", "127.0.0.1"));
        assertThat(accessLog.listByUser(BOB, 10).toString()).doesNotContain("wrong-secret").doesNotContain(PASSWORD);
    }

    @Test
    void exportArchiveShouldBeDownloadedAsTheZipBuiltWithItsManifest() throws Exception {
        HttpResponse<byte[]> response = call(BOB.asString(), "GET", "/api/users/bob@example.com/exports/" + bobExport + "/archive");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/zip");
        assertThat(response.body()).isEqualTo(Files.readAllBytes(exports.archive(ContractSubject.user(BOB), bobExport).orElseThrow()));
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            assertThat(zip.getNextEntry().getName()).isEqualTo(ZipExportArchive.MANIFEST);
        }
    }

    @Test
    void exportOfAnotherSubjectShouldNotBeFoundUnderOnesOwnPath() throws Exception {
        assertThat(call(BOB.asString(), "GET", "/api/users/bob@example.com/exports/" + carolExport).statusCode()).isEqualTo(404);
        assertThat(call(ALICE.asString(), "GET", "/api/domains/example.com/exports/" + otherExport + "/archive").statusCode())
            .isEqualTo(404);
    }

    private HttpResponse<byte[]> call(String login, String method, String path) throws Exception {
        return call(login, method, path, PASSWORD);
    }

    private HttpResponse<byte[]> call(String login, String method, String path, String password) throws Exception {
        return call(login, method, path, password, "");
    }

    private HttpResponse<byte[]> call(String login, String method, String path, String password, String body) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + credentials)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("https://localhost:" + server.port() + path);
    }
}
