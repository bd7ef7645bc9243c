package com.pult.mdm.kandji.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A Kandji API on 127.0.0.1 scripted per test: each path and query answers with its queue of replies, the last
 * one repeating; everything else answers with the fallback (404 unless set).
 */
public final class ScriptedKandjiServer implements AutoCloseable {

    static {
        // Without TCP_NODELAY every keep-alive answer waits ~40 ms for a delayed ACK (read once, at first use).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Deque<Reply>> routes = new LinkedHashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile Function<Request, Reply> fallback = request -> Reply.json(404, "{\"detail\":\"Not found.\"}");

    public ScriptedKandjiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The base URL, such as {@code http://127.0.0.1:53211}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Scripts the replies to one path and query, in order; the last one repeats. */
    public synchronized ScriptedKandjiServer on(String pathAndQuery, Reply... replies) {
        routes.put(pathAndQuery, new ArrayDeque<>(List.of(replies)));
        return this;
    }

    /** Answers every request that has no script of its own. */
    public ScriptedKandjiServer otherwise(Function<Request, Reply> answer) {
        this.fallback = answer;
        return this;
    }

    /** Every request received so far, in order. */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The paths and queries received so far, in order. */
    public List<String> paths() {
        return requests().stream().map(Request::pathAndQuery).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String pathAndQuery = exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
        Request request = new Request(
                exchange.getRequestMethod(),
                pathAndQuery,
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Accept"),
                exchange.getRequestHeaders().getFirst("User-Agent"));
        requests.add(request);
        Reply reply = next(request);
        try (exchange) {
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay().toMillis());
            }
            send(exchange, reply);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client gave up waiting (a timeout test); nothing to do.
        }
    }

    private synchronized Reply next(Request request) {
        Deque<Reply> queue = routes.get(request.pathAndQuery());
        if (queue == null) {
            return fallback.apply(request);
        }
        return queue.size() > 1 ? queue.poll() : queue.peek();
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** One request as the server saw it. */
    public record Request(String method, String pathAndQuery, String authorization, String accept, String userAgent) {}

    /** One scripted answer. */
    public record Reply(int status, String body, Map<String, String> headers, Duration delay) {

        public static Reply json(int status, String body) {
            return new Reply(status, body, Map.of(), Duration.ZERO);
        }

        public static Reply ok(String body) {
            return json(200, body);
        }

        public static Reply status(int status) {
            return json(status, "");
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new Reply(status, body, all, delay);
        }

        public Reply after(Duration wait) {
            return new Reply(status, body, headers, wait);
        }
    }
}
