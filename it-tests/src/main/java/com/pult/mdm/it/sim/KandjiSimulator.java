package com.pult.mdm.it.sim;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stateful Kandji API simulator on the JDK's HTTP server: {@code /api/v1/devices}, {@code /devices/{id}} and
 * {@code /devices/{id}/details}, with tokens and permissions, Kong-style rate limits, faults on demand and a
 * {@code /_sim/} control endpoint. The accessors ({@link #fleet()}, {@link #faults()}, ...) are the same controls as
 * Java calls for in-process tests.
 *
 * <pre>{@code
 * try (KandjiSimulator sim = KandjiSimulator.start(SimulatorConfig.builder()
 *         .fleet(Fleet.generated(1000, 42)).token("t0k3n").build())) {
 *     URI api = sim.baseUri(); // http://127.0.0.1:PORT
 * }
 * }</pre>
 */
public final class KandjiSimulator implements AutoCloseable {
    /*
     * The JDK server writes headers and body in two writes; with Nagle's algorithm on, the client's delayed ACK adds
     * ~40 ms to every keep-alive response. The server reads this property once, when its first instance is created,
     * so it is set here, before any HttpServer exists in the JVM (an explicit -D value wins).
     */
    static {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Logger log = LoggerFactory.getLogger(KandjiSimulator.class);
    private final SimulatorConfig config;
    private final TokenRegistry tokens;
    private final RateLimiter rateLimiter;
    private final Faults faults = new Faults();
    private final Counters counters = new Counters();
    private final HttpServer server;
    private final ExecutorService executor;

    private KandjiSimulator(SimulatorConfig config) throws IOException {
        this.config = config;
        this.tokens = new TokenRegistry(config.clock());
        config.tokens().forEach(tokens::add);
        this.rateLimiter = new RateLimiter(config.clock(), config.rateLimit());
        this.server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 1024);
        this.executor = Executors.newFixedThreadPool(config.threads(), workerThreads());
        server.setExecutor(executor);
        server.createContext("/api/", new ApiHandler(this));
        server.createContext("/_sim/", new ControlHandler(this));
    }

    /** Binds and starts serving. */
    public static KandjiSimulator start(SimulatorConfig config) {
        try {
            KandjiSimulator sim = new KandjiSimulator(config);
            sim.server.start();
            sim.log.info(
                    "Kandji simulator listening on {} with {} devices",
                    sim.baseUrl(),
                    config.fleet().size());
            return sim;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + config.host() + ":" + config.port(), e);
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "kandji-sim-" + n.incrementAndGet());
            t.setDaemon(true); // never keep a test JVM alive
            return t;
        };
    }

    /** {@code http://host:port} without a trailing slash; the API lives under {@code /api/v1}. */
    public String baseUrl() {
        return "http://" + config.host() + ":" + port();
    }

    /** The bound port (the real one when 0 was configured). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The configuration started with. */
    public SimulatorConfig config() {
        return config;
    }

    /** The tenant's devices; mutate them between requests. */
    public Fleet fleet() {
        return config.fleet();
    }

    /** Tokens and permissions. */
    public TokenRegistry tokens() {
        return tokens;
    }

    /** Rate limits (change them at run time with {@link RateLimiter#configure}). */
    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /** Faults on demand. */
    public Faults faults() {
        return faults;
    }

    /** Request counters. */
    public Counters counters() {
        return counters;
    }

    Clock clock() {
        return config.clock();
    }

    /** Stops accepting, gives in-flight requests a moment, then stops the workers. */
    @Override
    public void close() {
        int port = port();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Kandji simulator on port {} stopped", port);
    }
}
