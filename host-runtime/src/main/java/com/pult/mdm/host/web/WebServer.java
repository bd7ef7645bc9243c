package com.pult.mdm.host.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pult.mdm.host.HostServices;
import com.pult.mdm.host.plugin.ProviderRegistry;
import com.pult.mdm.host.store.StoreException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API: a versioned JSON REST API under {@code /api/v1}, the health checks and the metrics, served by
 * Javalin on Jetty. Every route but the health checks needs an admin API token ({@link ApiTokens}) and works on
 * the token's organization only. Failures are answered as RFC 9457 problem details, never as a stack trace.
 * docs/API.md describes every route.
 */
public final class WebServer implements AutoCloseable {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final String ANSWERED = "pult.problem";
    private static final long MAX_DRAINED = 32L << 20;
    /** The dashboard's files: plain HTML, CSS and JavaScript in the host's jar, so it works with no internet. */
    private static final String DASHBOARD = "/com/pult/mdm/host/web/dashboard";
    /**
     * The dashboard loads nothing but its own files and talks to nothing but this host; it may not be framed, and
     * a new host version's files are always fetched again.
     */
    private static final Map<String, String> DASHBOARD_HEADERS = Map.of(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
            "X-Content-Type-Options",
            "nosniff",
            "Referrer-Policy",
            "no-referrer",
            "Cache-Control",
            "no-cache");

    private final Logger logger = LoggerFactory.getLogger(WebServer.class);
    private final ObjectMapper json = new ObjectMapper();
    private final HostServices services;
    private final List<Route> routes;
    private final Javalin app;

    private WebServer(HostServices services, ProviderRegistry registry, String host, int port) {
        this.services = services;
        ApiMetrics metrics = new ApiMetrics(services, Instant.now());
        List<Route> all = new ArrayList<>();
        all.addAll(new AdminRoutes(services, metrics).routes());
        all.addAll(new ProviderRoutes(services, registry).routes());
        all.addAll(new IntegrationRoutes(services).routes());
        all.addAll(new PeopleRoutes(services).routes());
        all.addAll(new MatchRoutes(services, metrics).routes());
        this.routes = List.copyOf(all);
        this.app = Javalin.create(config -> configure(config, host, port));
    }

    /**
     * Starts serving on {@code host}:{@code port} (0 picks a free port; {@link #port()} tells which).
     *
     * @throws io.javalin.util.JavalinBindException when the port is taken or the address is not local
     */
    public static WebServer start(HostServices services, ProviderRegistry registry, String host, int port) {
        WebServer server = new WebServer(services, registry, host, port);
        server.app.start();
        return server;
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    /** The route table, as registered. */
    List<Route> routes() {
        return routes;
    }

    /** What Javalin actually registered, as {@code METHOD path}: the truth the OpenAPI test compares with. */
    List<String> registeredRoutes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint.method.name() + " " + parsed.endpoint.path)
                .toList();
    }

    @Override
    public void close() {
        app.stop();
    }

    private void configure(JavalinConfig config, String host, int port) {
        config.jetty.host = host;
        config.jetty.port = port;
        config.jetty.modifyServer(server -> server.setErrorHandler(new RawErrorHandler()));
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.prefer405over404 = true;
        config.http.maxRequestSize = Route.LARGE_BODY;
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = DASHBOARD;
            files.location = Location.CLASSPATH;
            files.headers = DASHBOARD_HEADERS;
        });
        for (Route route : routes) {
            config.routes.addHttpHandler(route.method(), route.path(), ctx -> handle(route, ctx));
        }
        config.routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, fromJavalin(e, ctx)));
        config.routes.exception(Exception.class, (e, ctx) -> answer(ctx, unexpected(e)));
        config.routes.error(404, ctx -> unanswered(ctx, 404));
        config.routes.error(405, ctx -> unanswered(ctx, 405));
    }

    private void handle(Route route, Context ctx) {
        ApiToken token = null;
        int status;
        try {
            token = authorize(route, ctx);
            Reply reply = route.action().handle(new Call(ctx, token, body(route, ctx), json));
            write(ctx, reply);
            status = reply.status();
        } catch (Exception e) {
            status = answer(ctx, Problems.from(e, logger));
        }
        if (token != null && route.mutating()) {
            audit(route, ctx, token, status);
        }
    }

    private ApiToken authorize(Route route, Context ctx) throws ApiProblem, StoreException {
        if (route.access() == Access.PUBLIC) {
            return null;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized("This request needs an admin API token: send 'Authorization: Bearer <token>'."
                    + " An admin of your organization creates one with POST /api/v1/tokens; the first one comes from"
                    + " 'pult-host token create' (docs/API.md).");
        }
        Optional<ApiToken> token =
                services.apiTokens().authenticate(header.substring(7).strip());
        if (token.isEmpty()) {
            throw unauthorized("The token is not valid: it is unknown, deleted or was rotated. Ask an admin for a"
                    + " current one.");
        }
        if (route.access() == Access.HOST_ADMIN && !token.get().hostAdmin()) {
            throw hostAdminRequired();
        }
        services.apiTokens().touch(token.get());
        return token.get();
    }

    private static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "unauthorized", "Authentication required", detail);
    }

    static ApiProblem hostAdminRequired() {
        return new ApiProblem(
                403,
                "host-admin-required",
                "Host-admin token required",
                "This request affects every organization, so it needs a token created as host-admin.");
    }

    /** The body, refused with 413 beyond the route's limit before more than the limit is read. */
    private static byte[] body(Route route, Context ctx) throws ApiProblem, IOException {
        if (route.maxBody() == 0) {
            return new byte[0];
        }
        long declared = ctx.req().getContentLengthLong();
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared > route.maxBody()) {
                drain(in, declared);
                throw tooLarge(route);
            }
            byte[] bytes = in.readNBytes(route.maxBody() + 1);
            if (bytes.length > route.maxBody()) {
                drain(in, Long.MAX_VALUE);
                throw tooLarge(route);
            }
            return bytes;
        }
    }

    /**
     * Reads and drops a refused body up to {@link #MAX_DRAINED} bytes. A client still sending when the server
     * answers and closes the connection often loses the answer (a reset instead of the 413); beyond the bound the
     * connection is closed anyway, since reading gigabytes to say no is worse.
     */
    private static void drain(InputStream in, long declared) throws IOException {
        if (declared > MAX_DRAINED) {
            return;
        }
        long left = MAX_DRAINED;
        long skipped;
        while (left > 0 && (skipped = in.skip(left)) > 0) {
            left -= skipped;
        }
    }

    private static ApiProblem tooLarge(Route route) {
        return new ApiProblem(
                413,
                "payload-too-large",
                "Request body too large",
                "This request takes at most " + (route.maxBody() >> 20) + " MiB; split it into smaller requests.");
    }

    private void write(Context ctx, Reply reply) throws JsonProcessingException {
        ctx.status(reply.status());
        if (reply.body() == null) {
            return;
        }
        if (reply.contentType() != null) {
            ctx.contentType(reply.contentType()).result((String) reply.body());
            return;
        }
        ctx.contentType("application/json").result(json.writeValueAsBytes(reply.body()));
    }

    /** Writes a problem; returns its status. */
    private int answer(Context ctx, ApiProblem problem) {
        ctx.attribute(ANSWERED, Boolean.TRUE);
        ctx.status(problem.status());
        if (problem.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        try {
            ctx.contentType(PROBLEM_JSON).result(json.writeValueAsBytes(Problems.body(problem, ctx.path())));
        } catch (JsonProcessingException e) {
            ctx.result("{\"status\":" + problem.status() + "}");
        }
        return problem.status();
    }

    /** A 404 or 405 Javalin answered itself (no such route, or a wrong method), unless a route already did. */
    private void unanswered(Context ctx, int status) {
        if (ctx.attribute(ANSWERED) != null) {
            return;
        }
        answer(ctx, Problems.routing(status, ctx.method().name(), ctx.path()));
    }

    /** Javalin raises 404 and 405 itself when no route matches the path or the method. */
    private static ApiProblem fromJavalin(HttpResponseException e, Context ctx) {
        if (e.getStatus() == 404 || e.getStatus() == 405) {
            return Problems.routing(e.getStatus(), ctx.method().name(), ctx.path());
        }
        return Problems.routingOr(e.getStatus(), e.getMessage());
    }

    private ApiProblem unexpected(Exception e) {
        return Problems.from(e, logger);
    }

    private void audit(Route route, Context ctx, ApiToken token, int status) {
        try {
            services.audit().record(token, route.method().name() + " " + route.path(), ctx.path(), status, ctx.ip());
        } catch (StoreException e) {
            logger.warn("Failed to record the audit entry of {} {}: {}", route.method(), ctx.path(), e.getMessage());
        }
    }
}
