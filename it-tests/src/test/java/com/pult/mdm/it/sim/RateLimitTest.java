package com.pult.mdm.it.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Kong-style limits; a pinned clock keeps every request inside one window so the tests are deterministic. */
class RateLimitTest {
    private static final String TOKEN = "rl";
    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-02T10:59:30.100Z"));
    private KandjiSimulator sim;
    private SimHttp http;

    private void start(RateLimitConfig limits) {
        sim = KandjiSimulator.start(SimulatorConfig.builder()
                .fleet(Fleet.generated(10, 5, clock))
                .clock(clock)
                .token(TOKEN)
                .rateLimit(limits)
                .build());
        http = new SimHttp(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<String> call() throws Exception {
        return http.get("/api/v1/devices?limit=1", TOKEN);
    }

    private static String header(HttpResponse<String> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    @Test
    void everyResponseCarriesKongRateLimitHeaders() throws Exception {
        start(RateLimitConfig.kandjiDefaults());
        HttpResponse<String> r = call();
        assertEquals("10000", header(r, "x-ratelimit-limit-hour"));
        assertEquals("9999", header(r, "x-ratelimit-remaining-hour"));
        assertEquals("50", header(r, "x-ratelimit-limit-second"));
        assertEquals("49", header(r, "x-ratelimit-remaining-second"));
        assertEquals("50", header(r, "ratelimit-limit"));
        assertEquals("49", header(r, "ratelimit-remaining"));
        assertEquals("1", header(r, "ratelimit-reset"));
    }

    @Test
    void everyRateLimitHeaderOfTheLiveRecordingIsSent() throws Exception {
        start(RateLimitConfig.kandjiDefaults());
        HttpResponse<String> r = call();
        Json.sample("recorded-live/jupiterone_blueprints_headers_2024.json")
                .path("response")
                .path("headers")
                .fieldNames()
                .forEachRemaining(name -> {
                    if (name.contains("ratelimit")) {
                        assertTrue(r.headers().firstValue(name).isPresent(), name);
                    }
                });
    }

    @Test
    void perSecondBucketOverflowAnswers429WithRetryAfterAndKongBody() throws Exception {
        start(new RateLimitConfig(true, 10_000, 3, true));
        for (int i = 0; i < 3; i++) {
            assertEquals(200, call().statusCode());
        }
        HttpResponse<String> r = call();
        assertEquals(429, r.statusCode());
        assertEquals("{\"message\":\"API rate limit exceeded\"}", r.body());
        assertEquals("1", header(r, "Retry-After"));
        assertEquals("0", header(r, "x-ratelimit-remaining-second"));
        assertEquals(1, sim.counters().rateLimited());
    }

    @Test
    void nextSecondWindowAcceptsRequestsAgain() throws Exception {
        start(new RateLimitConfig(true, 10_000, 2, true));
        call();
        call();
        assertEquals(429, call().statusCode());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(200, call().statusCode());
    }

    @Test
    void hourlyBucketOverflowSaysRetryAfterTheRestOfTheHour() throws Exception {
        start(new RateLimitConfig(true, 2, 50, true));
        call();
        call();
        HttpResponse<String> r = call();
        assertEquals(429, r.statusCode());
        assertEquals("30", header(r, "Retry-After"));
        assertEquals("0", header(r, "x-ratelimit-remaining-hour"));
        assertEquals("2", header(r, "ratelimit-limit"));
    }

    @Test
    void noRetryAfterModeOmitsTheHeaderButKeepsWindowHeaders() throws Exception {
        start(new RateLimitConfig(true, 10_000, 1, false));
        call();
        HttpResponse<String> r = call();
        assertEquals(429, r.statusCode());
        assertFalse(r.headers().firstValue("Retry-After").isPresent());
        assertEquals("1", header(r, "ratelimit-reset"));
    }

    @Test
    void limitsOffSendsNoRateLimitHeadersAndNever429() throws Exception {
        start(RateLimitConfig.off());
        for (int i = 0; i < 120; i++) {
            HttpResponse<String> r = call();
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("x-ratelimit-limit-hour").isEmpty());
        }
    }

    @Test
    void limitsCanBeChangedAtRunTime() throws Exception {
        start(RateLimitConfig.off());
        sim.rateLimiter().configure(new RateLimitConfig(true, 10_000, 1, true));
        assertEquals(200, call().statusCode());
        assertEquals(429, call().statusCode());
    }

    @Test
    void unauthenticatedRequestsAlsoConsumeTheTenantBucket() throws Exception {
        start(new RateLimitConfig(true, 10_000, 1, true));
        assertEquals(401, http.get("/api/v1/devices", "nope").statusCode());
        assertEquals(429, call().statusCode());
    }
}
