package com.pult.mdm.it.sim;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How to start a {@link KandjiSimulator}. Defaults: loopback, a free port, an empty fleet, no tokens, Kandji's rate
 * limits, 32 worker threads, no control token, the system clock.
 */
public final class SimulatorConfig {
    private final String host;
    private final int port;
    private final Fleet fleet;
    private final Map<String, Set<Permission>> tokens;
    private final RateLimitConfig rateLimit;
    private final int threads;
    private final String controlToken;
    private final Clock clock;

    private SimulatorConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.clock = b.clock;
        this.fleet = b.fleet != null ? b.fleet : Fleet.empty(b.clock);
        this.tokens = Map.copyOf(b.tokens);
        this.rateLimit = b.rateLimit;
        this.threads = b.threads;
        this.controlToken = b.controlToken;
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The bind address. */
    public String host() {
        return host;
    }

    /** The port; 0 picks a free one. */
    public int port() {
        return port;
    }

    /** The fleet served. */
    public Fleet fleet() {
        return fleet;
    }

    /** The initial tokens. */
    public Map<String, Set<Permission>> tokens() {
        return tokens;
    }

    /** The initial rate limits. */
    public RateLimitConfig rateLimit() {
        return rateLimit;
    }

    /** Worker threads (held requests occupy one each). */
    public int threads() {
        return threads;
    }

    /** The token the control endpoint requires, or null for none. */
    public String controlToken() {
        return controlToken;
    }

    /** The clock for rate-limit windows and token revocation. */
    public Clock clock() {
        return clock;
    }

    /** Builds a {@link SimulatorConfig}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private Fleet fleet;
        private final Map<String, Set<Permission>> tokens = new LinkedHashMap<>();
        private RateLimitConfig rateLimit = RateLimitConfig.kandjiDefaults();
        private int threads = 32;
        private String controlToken;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** Bind address (default 127.0.0.1). */
        public Builder host(String value) {
            host = Objects.requireNonNull(value);
            return this;
        }

        /** Port (default 0: a free port). */
        public Builder port(int value) {
            port = value;
            return this;
        }

        /** The fleet to serve (default: empty tenant). */
        public Builder fleet(Fleet value) {
            fleet = value;
            return this;
        }

        /** Adds a token; no permissions means all of them. */
        public Builder token(String token, Permission... permissions) {
            Set<Permission> set = EnumSet.noneOf(Permission.class);
            set.addAll(List.of(permissions));
            tokens.put(token, set);
            return this;
        }

        /** Rate limits (default Kandji's 10,000/h and 50/s). */
        public Builder rateLimit(RateLimitConfig value) {
            rateLimit = Objects.requireNonNull(value);
            return this;
        }

        /** Worker threads (default 32). */
        public Builder threads(int value) {
            threads = value;
            return this;
        }

        /** Requires this value in {@code X-Sim-Control-Token} on {@code /_sim/} calls. */
        public Builder controlToken(String value) {
            controlToken = value;
            return this;
        }

        /** The clock (tests pass a {@link MutableClock} to pin rate-limit windows). */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value);
            return this;
        }

        /** The configuration. */
        public SimulatorConfig build() {
            return new SimulatorConfig(this);
        }
    }
}
