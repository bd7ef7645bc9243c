package com.pult.mdm.host.testplugins;

/** A test plugin whose factory constructor takes five seconds. */
public final class SlowProviderFactory extends TestProviderFactory {

    /** How long the constructor sleeps. */
    public static final long DELAY_MS = 5000;

    public SlowProviderFactory() {
        try {
            Thread.sleep(DELAY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        }
    }
}
