package com.pult.mdm.host.web;

import io.javalin.http.HandlerType;

/**
 * One endpoint of the API: the table the server registers, the OpenAPI test compares, and the auth tests walk.
 *
 * @param method the HTTP method
 * @param path the path in Javalin's (and OpenAPI's) form, such as {@code /api/v1/integrations/{id}}
 * @param access who may call it
 * @param maxBody the largest request body accepted, in bytes; 0 for routes without a body
 * @param action what it does
 */
record Route(HandlerType method, String path, Access access, int maxBody, Action action) {

    /** The default body limit: 1 MiB. */
    static final int DEFAULT_BODY = 1 << 20;

    /** The limit of user imports and WiFi batches: 10 MiB. */
    static final int LARGE_BODY = 10 << 20;

    /** Whether the route changes something, so the audit log records it. */
    boolean mutating() {
        return method == HandlerType.POST
                || method == HandlerType.PUT
                || method == HandlerType.PATCH
                || method == HandlerType.DELETE;
    }

    /** The work of a route; it throws {@link ApiProblem} or a service exception, mapped at the edge. */
    @FunctionalInterface
    interface Action {
        /** Handles one call. */
        Reply handle(Call call) throws Exception;
    }

    static Route get(String path, Access access, Action action) {
        return new Route(HandlerType.GET, path, access, 0, action);
    }

    static Route post(String path, Access access, Action action) {
        return new Route(HandlerType.POST, path, access, DEFAULT_BODY, action);
    }

    static Route delete(String path, Access access, Action action) {
        return new Route(HandlerType.DELETE, path, access, 0, action);
    }

    Route withBodyLimit(int bytes) {
        return new Route(method, path, access, bytes, action);
    }

    Route withMethod(HandlerType other) {
        return new Route(other, path, access, maxBody, action);
    }
}
