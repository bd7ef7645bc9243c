package com.pult.mdm.it.sim;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API tokens with per-endpoint permissions and revocation (immediate, from an instant, or after a number of requests,
 * to simulate a token that is revoked in the middle of a sync).
 */
public final class TokenRegistry {
    private final Logger log = LoggerFactory.getLogger(TokenRegistry.class);
    private final Map<String, Grant> tokens = new ConcurrentHashMap<>();
    /** Requests a token may still make before it is revoked, for tokens revoked after a count. */
    private final Map<String, Integer> requestsLeft = new ConcurrentHashMap<>();

    private final Clock clock;

    /** The outcome of checking a request's bearer token. */
    public enum Decision {
        ALLOWED,
        /** Missing, unknown or revoked token: 401. */
        INVALID,
        /** Valid token without the endpoint's permission: 403. */
        FORBIDDEN
    }

    private record Grant(Set<Permission> permissions, Instant revokedFrom) {}

    TokenRegistry(Clock clock) {
        this.clock = clock;
    }

    /** Adds (or replaces) a token with the given permissions; no permissions means all of them. */
    public void add(String token, Set<Permission> permissions) {
        Set<Permission> perms = permissions.isEmpty() ? EnumSet.allOf(Permission.class) : EnumSet.copyOf(permissions);
        tokens.put(token, new Grant(perms, null));
        requestsLeft.remove(token);
        log.info("Token {} added with {}", mask(token), perms);
    }

    /** Revokes a token now; returns false if unknown. */
    public boolean revoke(String token) {
        return revokeAt(token, clock.instant());
    }

    /** Revokes a token from {@code from} on (requests before it still pass); returns false if unknown. */
    public boolean revokeAt(String token, Instant from) {
        Grant g = tokens.computeIfPresent(token, (k, v) -> new Grant(v.permissions(), from));
        log.info("Token {} revoked from {}", mask(token), from);
        return g != null;
    }

    /**
     * The token's next {@code requests} checked requests still pass; from the one after on it is revoked, wherever
     * a sync is at that moment. Returns false if unknown.
     */
    public boolean revokeAfter(String token, int requests) {
        if (requests < 0) {
            throw new IllegalArgumentException("requests must be 0 or more, not " + requests);
        }
        if (!tokens.containsKey(token)) {
            return false;
        }
        requestsLeft.put(token, requests);
        log.info("Token {} revoked after {} more requests", mask(token), requests);
        return true;
    }

    /** Decides whether a bearer token may call an endpoint needing {@code required} (null: any valid token). */
    public synchronized Decision check(String token, Permission required) {
        Grant g = token == null ? null : tokens.get(token);
        if (g != null && g.revokedFrom() == null && requestsLeft.containsKey(token)) {
            int left = requestsLeft.get(token);
            if (left == 0) {
                requestsLeft.remove(token);
                revoke(token);
                g = tokens.get(token);
            } else {
                requestsLeft.put(token, left - 1);
            }
        }
        if (g == null || (g.revokedFrom() != null && !clock.instant().isBefore(g.revokedFrom()))) {
            return Decision.INVALID;
        }
        return required == null || g.permissions().contains(required) ? Decision.ALLOWED : Decision.FORBIDDEN;
    }

    /** Token → permissions and revocation, tokens masked, for the control endpoint. */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        tokens.forEach((t, g) -> out.put(
                mask(t),
                g.permissions()
                        + (g.revokedFrom() == null ? "" : " revoked from " + g.revokedFrom())
                        + (requestsLeft.containsKey(t) ? " revoked after " + requestsLeft.get(t) + " requests" : "")));
        return out;
    }

    /** Logs only the first characters so tokens do not end up in CI logs. */
    static String mask(String token) {
        return token.length() <= 8 ? "****" : token.substring(0, 8) + "…";
    }
}
