package com.pult.mdm.kandji.internal.api;

import com.pult.mdm.spi.AuthenticationException;
import com.pult.mdm.spi.BadVendorDataException;
import com.pult.mdm.spi.FetchContext;
import com.pult.mdm.spi.MdmException;
import com.pult.mdm.spi.RateLimitedException;
import com.pult.mdm.spi.SyncCancelledException;
import com.pult.mdm.spi.TransientException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the requests of one sync: each attempt through the host's budget, retried as {@link KandjiRetryPolicy}
 * says, and every failure classified once into the SPI's exceptions.
 *
 * <ul>
 *   <li>401 and 403: {@link AuthenticationException} at once, naming the permission; never retried, since
 *       Kandji uses both for a bad token and for a missing permission.
 *   <li>429: waits as {@code Retry-After} says, else backs off; {@link RateLimitedException} when attempts run
 *       out, never an empty result.
 *   <li>5xx, no answer: backs off; {@link TransientException} when attempts run out.
 *   <li>404 is returned to the caller, which knows whether it means "gone".
 * </ul>
 */
public final class KandjiRequester {

    private final Logger logger = LoggerFactory.getLogger(KandjiRequester.class);
    private final KandjiClient client;
    private final KandjiRetryPolicy policy;
    private final KandjiSleeper sleeper;
    private final DoubleSupplier jitter;
    private final FetchContext context;

    public KandjiRequester(
            KandjiClient client,
            KandjiRetryPolicy policy,
            KandjiSleeper sleeper,
            DoubleSupplier jitter,
            FetchContext context) {
        this.client = client;
        this.policy = policy;
        this.sleeper = sleeper;
        this.jitter = jitter;
        this.context = context;
    }

    /**
     * Sends one GET request until it succeeds or fails for good.
     *
     * @return a 2xx or 404 response
     * @throws AuthenticationException on 401 or 403
     * @throws RateLimitedException when 429 outlasted the attempts
     * @throws TransientException when 5xx or network failures outlasted the attempts
     * @throws BadVendorDataException on any other status
     * @throws SyncCancelledException when the host cancelled the sync
     */
    public KandjiResponse get(KandjiEndpoint endpoint, String pathAndQuery) throws MdmException, InterruptedException {
        Attempts attempts = new Attempts();
        while (true) {
            Optional<KandjiResponse> response = attempt(endpoint, pathAndQuery, attempts);
            if (response.isPresent()) {
                return response.get();
            }
        }
    }

    /** One attempt; empty when it failed in a way worth retrying and the wait is over. */
    private Optional<KandjiResponse> attempt(KandjiEndpoint endpoint, String path, Attempts attempts)
            throws MdmException, InterruptedException {
        checkCancelled();
        context.budget().acquire();
        KandjiResponse response;
        try {
            response = client.get(path);
        } catch (IOException e) {
            onNetworkFailure(endpoint, e, ++attempts.transientFailures);
            return Optional.empty();
        }
        return handle(endpoint, response, attempts);
    }

    /** Returns the answer the caller can use, throws what cannot be retried, waits before a retry. */
    private Optional<KandjiResponse> handle(KandjiEndpoint endpoint, KandjiResponse response, Attempts attempts)
            throws MdmException, InterruptedException {
        int status = response.status();
        if (response.isSuccess() || status == 404) {
            return Optional.of(response);
        }
        if (status == 401 || status == 403) {
            throw refused(endpoint, status);
        }
        if (status == 429) {
            onRateLimited(endpoint, response, ++attempts.rateLimited);
            return Optional.empty();
        }
        if (status >= 500) {
            onServerError(endpoint, status, ++attempts.transientFailures);
            return Optional.empty();
        }
        throw new BadVendorDataException(
                "Kandji answered HTTP " + status + " to " + endpoint.template() + ", which the provider does not"
                        + " expect; check the API URL and whether Kandji changed its API.",
                null);
    }

    private AuthenticationException refused(KandjiEndpoint endpoint, int status) {
        logger.debug("Stopped the sync: Kandji refused {} with HTTP {}", endpoint.template(), status);
        return new AuthenticationException(
                "Kandji refused " + endpoint.template() + " with HTTP " + status + ": the API token is invalid,"
                        + " revoked or expired, or lacks the '" + endpoint.permission() + "' permission. Check the"
                        + " token under Settings → Access in Kandji.",
                endpoint.permission());
    }

    private void onRateLimited(KandjiEndpoint endpoint, KandjiResponse response, int count)
            throws MdmException, InterruptedException {
        Optional<Duration> told =
                KandjiRetryAfter.parse(response.retryAfter(), context.clock().instant());
        Duration wait = told.map(policy::capRetryAfter).orElseGet(() -> policy.backoff(count, jitter));
        context.budget().rateLimited(wait);
        if (count >= policy.rateLimitAttempts()) {
            throw new RateLimitedException(
                    "Kandji still refused " + endpoint.template() + " for rate limits after " + count
                            + " attempts; the sync stops and runs again later.",
                    wait);
        }
        logger.debug("Waiting {} ms: Kandji answered 429 to {} (attempt {})", wait.toMillis(), endpoint, count);
        pause(wait);
    }

    private void onServerError(KandjiEndpoint endpoint, int status, int count)
            throws MdmException, InterruptedException {
        if (count >= policy.transientAttempts()) {
            throw new TransientException(
                    "Kandji answered HTTP " + status + " to " + endpoint.template() + " " + count + " times in a row.",
                    null);
        }
        logger.debug("Retrying {}: Kandji answered HTTP {} (attempt {})", endpoint, status, count);
        pause(policy.backoff(count, jitter));
    }

    private void onNetworkFailure(KandjiEndpoint endpoint, IOException failure, int count)
            throws MdmException, InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("Interrupted during " + endpoint.template());
        }
        String reason = KandjiNetworkFailure.describe(failure, client.host());
        if (count >= policy.transientAttempts()) {
            throw new TransientException(
                    reason + " Gave up on " + endpoint.template() + " after " + count + " attempts.", failure);
        }
        logger.debug("Retrying {}: {} (attempt {})", endpoint, reason, count);
        pause(policy.backoff(count, jitter));
    }

    private void pause(Duration wait) throws SyncCancelledException, InterruptedException {
        sleeper.sleep(wait, context::isCancelled);
        checkCancelled();
    }

    private void checkCancelled() throws SyncCancelledException {
        if (context.isCancelled()) {
            throw new SyncCancelledException("The Kandji sync was cancelled.");
        }
    }

    /** Failures of one request so far, by kind. */
    private static final class Attempts {
        private int rateLimited;
        private int transientFailures;
    }
}
