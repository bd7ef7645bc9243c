package com.pult.mdm.host.testplugins;

/** A test plugin whose factory's id() throws. */
public final class ThrowingIdFactory extends TestProviderFactory {

    @Override
    public String id() {
        throw new IllegalStateException("simulated id failure");
    }
}
