package ch.postwall.server.api;

/** Ends a request with an HTTP status; the message goes to the client, so it never names hidden objects. */
class ApiException extends RuntimeException {
    private final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    static ApiException forbidden() {
        return new ApiException(403, "forbidden");
    }

    static ApiException notFound() {
        return new ApiException(404, "not found");
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    int status() {
        return status;
    }
}
