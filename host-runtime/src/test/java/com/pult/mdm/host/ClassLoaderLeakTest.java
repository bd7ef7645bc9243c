package com.pult.mdm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pult.mdm.host.plugin.PluginProvider;
import com.pult.mdm.host.plugin.ProviderListener;
import com.pult.mdm.host.testsupport.Await;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deploying and removing a plugin repeatedly leaves none of its class loaders behind. */
class ClassLoaderLeakTest {

    private static final int CYCLES = 10;
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final Logger logger = LoggerFactory.getLogger("measurement");

    @TempDir
    Path root;

    @Test
    void classLoadersOfRemovedPluginsAreCollected() {
        List<WeakReference<ClassLoader>> loaders = new CopyOnWriteArrayList<>();
        try (RunningHost running = RunningHost.start(root, Duration.ofMillis(100))) {
            running.registry().addListener(remembering(loaders));
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                running.deploy(TestPlugins.fake("1.0." + cycle), "fake.jar");
                running.awaitProvider("fake", WAIT);
                running.undeploy("fake.jar");
                running.awaitNoProvider("fake", WAIT);
                Await.until(
                        WAIT,
                        "bundle uninstalled",
                        () -> running.bundle("com.pult.test.fake").isEmpty());
            }
            assertEquals(CYCLES, loaders.size());

            Duration took = Await.until(
                    Duration.ofSeconds(20), () -> collected(loaders) + " of " + CYCLES + " loaders collected", () -> {
                        System.gc();
                        return collected(loaders) == CYCLES;
                    });
            logger.info("All {} plugin class loaders collected {} ms after the last removal", CYCLES, took.toMillis());
        }
    }

    private static long collected(List<WeakReference<ClassLoader>> loaders) {
        return loaders.stream().filter(ref -> ref.get() == null).count();
    }

    private static ProviderListener remembering(List<WeakReference<ClassLoader>> loaders) {
        return new ProviderListener() {
            @Override
            public void providerAdded(PluginProvider provider) {
                loaders.add(new WeakReference<>(provider.factory().getClass().getClassLoader()));
            }

            @Override
            public void providerRemoved(PluginProvider provider) {
                // Only the loaders matter here.
            }
        };
    }
}
