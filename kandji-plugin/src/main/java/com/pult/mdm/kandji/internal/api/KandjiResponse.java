package com.pult.mdm.kandji.internal.api;

import java.util.Objects;

/**
 * One HTTP answer from Kandji, read completely.
 *
 * @param status the HTTP status code
 * @param body the body as text, or empty
 * @param retryAfter the {@code Retry-After} header, or empty
 */
public record KandjiResponse(int status, String body, String retryAfter) {

    public KandjiResponse {
        Objects.requireNonNull(body, "body");
        retryAfter = retryAfter == null ? "" : retryAfter;
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** Leaves the body out: it may be large and hold personal data. */
    @Override
    public String toString() {
        return "KandjiResponse[HTTP " + status + ", " + body.length() + " chars]";
    }
}
