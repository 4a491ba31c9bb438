package ch.postwall.server.api;

/** Ends a request with an HTTP status; the message goes to the client, so it never names hidden objects. */
public class ApiException extends RuntimeException {
    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public static ApiException forbidden() {
        return new ApiException(403, "forbidden");
    }

    public static ApiException notFound() {
        return new ApiException(404, "not found");
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public int status() {
        return status;
    }
}
