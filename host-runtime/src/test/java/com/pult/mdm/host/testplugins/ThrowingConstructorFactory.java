package com.pult.mdm.host.testplugins;

/** A test plugin whose factory constructor throws. */
public final class ThrowingConstructorFactory extends TestProviderFactory {

    public ThrowingConstructorFactory() {
        throw new IllegalStateException("simulated constructor failure");
    }
}
