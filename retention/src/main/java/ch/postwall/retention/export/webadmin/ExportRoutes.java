package ch.postwall.retention.export.webadmin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import javax.servlet.http.HttpServletResponse;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.api.DomainListException;
import org.apache.james.task.TaskId;
import org.apache.james.task.TaskManager;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.ErrorResponder.ErrorType;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;

import ch.postwall.retention.contract.ContractSubject;
import ch.postwall.retention.export.ExportArchives;
import ch.postwall.retention.export.ExportTask;
import spark.HaltException;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * WebAdmin routes of exports, one instance for users and one for domains (WebAdmin authenticates each
 * instance's base path). {@code POST /users/{user}/export} and {@code POST /domains/{domain}/export} start a task
 * writing the archive and answer 201 with {@code taskId} (follow it at {@code /tasks/{taskId}}) and
 * {@code archive}, the path to {@code GET} the zip from once the task completed: {@code /users/{user}/export/{id}}
 * or {@code /domains/{domain}/export/{id}} (404 while it is written, when it failed or after it expired).
 */
public class ExportRoutes implements Routes {
    public static final String USER_EXPORT = "/users/:user/export";
    public static final String DOMAIN_EXPORT = "/domains/:domain/export";
    private static final String ID_PARAM = ":id";
    private static final String ZIP = "application/zip";

    /** Whose export a request is about; halts with 400 or 404 when there is no such user or domain. */
    @FunctionalInterface
    private interface SubjectResolver {
        ContractSubject resolve(Request request);
    }

    private final String basePath;
    private final SubjectResolver subjects;
    private final ExportArchives archives;
    private final TaskManager taskManager;
    private final JsonTransformer jsonTransformer;

    private ExportRoutes(String basePath, SubjectResolver subjects, ExportArchives archives, TaskManager taskManager,
                         JsonTransformer jsonTransformer) {
        this.basePath = basePath;
        this.subjects = subjects;
        this.archives = archives;
        this.taskManager = taskManager;
        this.jsonTransformer = jsonTransformer;
    }

    public static ExportRoutes forUsers(ExportArchives archives, TaskManager taskManager, UsersRepository usersRepository,
                                        JsonTransformer jsonTransformer) {
        return new ExportRoutes(USER_EXPORT, request -> user(request, usersRepository), archives, taskManager, jsonTransformer);
    }

    public static ExportRoutes forDomains(ExportArchives archives, TaskManager taskManager, DomainList domainList,
                                          JsonTransformer jsonTransformer) {
        return new ExportRoutes(DOMAIN_EXPORT, request -> domain(request, domainList), archives, taskManager, jsonTransformer);
    }

    @Override
    public String getBasePath() {
        return basePath;
    }

    @Override
    public void define(Service service) {
        service.post(basePath, (request, response) -> start(subjects.resolve(request), request, response), jsonTransformer);
        service.get(basePath + "/" + ID_PARAM, (request, response) -> download(subjects.resolve(request), request, response));
    }

    private Map<String, String> start(ContractSubject subject, Request request, Response response) {
        UUID archiveId = UUID.randomUUID();
        TaskId taskId = taskManager.submit(new ExportTask(archives, subject, archiveId));
        String archive = request.pathInfo() + "/" + archiveId;
        response.status(HttpStatus.CREATED_201);
        response.header("Location", "/tasks/" + taskId.asString());
        return Map.of("taskId", taskId.asString(), "archive", archive);
    }

    private Object download(ContractSubject subject, Request request, Response response) throws IOException {
        UUID id = parse(request.params(ID_PARAM), UUID::fromString, "archive id");
        Optional<Path> archive = archives.find(subject, id);
        if (archive.isEmpty()) {
            throw notFound("No export archive " + id + " (not written yet, failed or expired)");
        }
        HttpServletResponse raw = response.raw();
        raw.setContentType(ZIP);
        raw.setHeader("Content-Disposition", "attachment; filename=\"export-" + id + ".zip\"");
        raw.setContentLengthLong(Files.size(archive.get()));
        // Streamed from the file: an archive may be larger than the heap.
        Files.copy(archive.get(), raw.getOutputStream());
        return raw;
    }

    private static ContractSubject user(Request request, UsersRepository usersRepository) {
        Username user = parse(request.params(":user"), Username::of, "user");
        try {
            if (!usersRepository.contains(user)) {
                throw notFound("User " + user.asString() + " does not exist");
            }
        } catch (UsersRepositoryException e) {
            throw new IllegalStateException("Cannot look up " + user.asString(), e);
        }
        return ContractSubject.user(user);
    }

    private static ContractSubject domain(Request request, DomainList domainList) {
        Domain domain = parse(request.params(":domain"), Domain::of, "domain");
        try {
            if (!domainList.containsDomain(domain)) {
                throw notFound("Domain " + domain.asString() + " does not exist");
            }
        } catch (DomainListException e) {
            throw new IllegalStateException("Cannot look up " + domain.asString(), e);
        }
        return ContractSubject.domain(domain);
    }

    private static <T> T parse(String value, Function<String, T> parser, String what) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw ErrorResponder.builder()
                .statusCode(HttpStatus.BAD_REQUEST_400)
                .type(ErrorType.INVALID_ARGUMENT)
                .message("Invalid %s: %s", what, value)
                .cause(e)
                .haltError();
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
