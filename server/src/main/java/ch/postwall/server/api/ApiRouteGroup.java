package ch.postwall.server.api;

/**
 * A set of API routes one area contributes (quarantine and tracking, retention, export...). Guice
 * collects them in a set so each area declares its own routes without touching the others.
 */
public interface ApiRouteGroup {
    void define(ApiServer server);
}
