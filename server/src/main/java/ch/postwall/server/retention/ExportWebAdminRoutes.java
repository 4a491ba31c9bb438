package ch.postwall.server.retention;

import static ch.postwall.server.retention.RetentionWebAdminRoutes.valid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import javax.servlet.http.HttpServletResponse;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.ErrorResponder.ErrorType;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;

import ch.postwall.retention.contract.ContractSubject;
import ch.postwall.retention.export.ExportArchives;
import spark.HaltException;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * WebAdmin routes of exports, through the same {@link ExportArchives} as the REST API and with the same JSON; one
 * instance for users and one for domains, so that WebAdmin authenticates each base path:
 * {@code POST /users/{user}/exports} (202 with the id), {@code GET /users/{user}/exports/{id}} (state),
 * {@code GET /users/{user}/exports/{id}/archive} (the zip, streamed from disk), and the same below
 * {@code /domains/{domain}}. An unknown user or domain is answered 404.
 */
public class ExportWebAdminRoutes implements Routes {
    private static final String ID_PARAM = ":id";
    private static final String ID = "/" + ID_PARAM;
    private static final String ZIP = "application/zip";

    /** Whose export a request is about: 400 when the name is invalid, 404 when there is no such user or domain. */
    @FunctionalInterface
    private interface SubjectResolver {
        ContractSubject resolve(Request request);
    }

    private final String basePath;
    private final SubjectResolver subjects;
    private final ExportArchives exports;
    private final JsonTransformer json;

    private ExportWebAdminRoutes(String basePath, SubjectResolver subjects, ExportArchives exports, JsonTransformer json) {
        this.basePath = basePath;
        this.subjects = subjects;
        this.exports = exports;
        this.json = json;
    }

    public static ExportWebAdminRoutes forUsers(ExportArchives exports, UsersRepository users, JsonTransformer json) {
        return new ExportWebAdminRoutes("/users/:user/exports", request -> {
            Username user = valid(() -> Username.of(request.params(":user")));
            requireExisting(user.asString(), () -> users.contains(user));
            return ContractSubject.user(user);
        }, exports, json);
    }

    public static ExportWebAdminRoutes forDomains(ExportArchives exports, DomainList domains, JsonTransformer json) {
        return new ExportWebAdminRoutes("/domains/:domain/exports", request -> {
            Domain domain = valid(() -> Domain.of(request.params(":domain")));
            requireExisting(domain.asString(), () -> domains.containsDomain(domain));
            return ContractSubject.domain(domain);
        }, exports, json);
    }

    @Override
    public String getBasePath() {
        return basePath;
    }

    @Override
    public void define(Service service) {
        service.post(basePath, this::request, json);
        service.get(basePath + ID, this::status, json);
        service.get(basePath + ID + "/archive", this::download);
    }

    private Map<String, Object> request(Request request, Response response) {
        ContractSubject subject = subjects.resolve(request);
        response.status(HttpStatus.ACCEPTED_202);
        return RetentionJson.export(exports.status(subject, exports.request(subject)).orElseThrow());
    }

    private Map<String, Object> status(Request request, Response response) {
        String id = request.params(ID_PARAM);
        return RetentionJson.export(exports.status(subjects.resolve(request), id).orElseThrow(() -> notFound("No export " + id)));
    }

    private Object download(Request request, Response response) throws IOException {
        String id = request.params(ID_PARAM);
        Path archive = exports.archive(subjects.resolve(request), id)
            .orElseThrow(() -> notFound("No finished export " + id + " (still running, failed or expired)"));
        HttpServletResponse raw = response.raw();
        raw.setContentType(ZIP);
        raw.setHeader("Content-Disposition", "attachment; filename=\"export-" + id + ".zip\"");
        raw.setContentLengthLong(Files.size(archive));
        // Streamed from the file: an archive may be larger than the heap.
        Files.copy(archive, raw.getOutputStream());
        return raw;
    }

    private static void requireExisting(String name, Callable<Boolean> lookup) {
        boolean exists;
        try {
            exists = lookup.call();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot look up " + name, e);
        }
        if (!exists) {
            throw notFound(name + " does not exist");
        }
    }

    private static HaltException notFound(String message) {
        return ErrorResponder.builder()
            .statusCode(HttpStatus.NOT_FOUND_404)
            .type(ErrorType.NOT_FOUND)
            .message("%s", message)
            .haltError();
    }
}
