package com.pult.mdm.spi;

/**
 * A vendor's published request limits for one account, which the host paces under.
 *
 * @param requestsPerHour the hourly budget shared by every client of the account
 * @param requestsPerSecond the burst limit
 */
public record ApiLimits(int requestsPerHour, int requestsPerSecond) {

    public ApiLimits {
        if (requestsPerHour <= 0 || requestsPerSecond <= 0) {
            throw new IllegalArgumentException("API limits must be positive");
        }
    }
}
