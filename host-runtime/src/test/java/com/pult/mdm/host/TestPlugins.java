package com.pult.mdm.host;

import com.pult.mdm.host.testsupport.TestBundle;

/** The test plugin jars the host tests drop into the deploy folder. */
final class TestPlugins {

    static final String FACTORIES = "com.pult.mdm.host.testplugins.";

    private TestPlugins() {}

    /** A good plugin offering {@code id}, in bundle {@code symbolicName} at {@code version}. */
    static byte[] fake(String symbolicName, String version, String id) {
        return TestBundle.provider(symbolicName, version, id, FACTORIES + "FakeProviderFactory")
                .bytes();
    }

    /** The good plugin "fake" in bundle com.pult.test.fake. */
    static byte[] fake(String version) {
        return fake("com.pult.test.fake", version, "fake");
    }

    /** A plugin whose factory constructor sleeps five seconds. */
    static byte[] slow() {
        return TestBundle.provider("com.pult.test.slow", "1.0.0", "slow", FACTORIES + "SlowProviderFactory")
                .bytes();
    }
}
