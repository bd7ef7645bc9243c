package com.pult.mdm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.pult.mdm.host.plugin.PluginProblem;
import com.pult.mdm.host.plugin.PluginProvider;
import com.pult.mdm.host.plugin.ProviderListener;
import com.pult.mdm.host.plugin.ProviderStatus;
import com.pult.mdm.host.plugin.RegisteredProvider;
import com.pult.mdm.host.testsupport.Await;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

/** Several files of one plugin in the deploy folder. */
class PluginVersionsTest extends RunningHostTest {

    @Test
    void highestVersionServesAndTheOtherIsReportedAsShadowed() {
        running.deploy(TestPlugins.fake("1.0.0"), "fake-1.0.0.jar");
        running.awaitProvider("fake", WAIT);

        running.deploy(TestPlugins.fake("1.1.0"), "fake-1.1.0.jar");

        awaitServing("1.1.0");
        Await.until(
                WAIT, "both registered", () -> running.registry().providers().size() == 2);
        List<RegisteredProvider> all = running.registry().providers();
        assertEquals(ProviderStatus.SERVING, all.get(0).status());
        assertEquals(new Version("1.0.0"), all.get(1).provider().version());
        assertEquals(ProviderStatus.SHADOWED, all.get(1).status());
        assertEquals(
                1,
                log.find(
                                Level.WARN,
                                "Provider 'fake' from bundle 'com.pult.test.fake' 1.0.0 (deploy/fake-1.0.0.jar)",
                                "shadowed by 1.1.0 (deploy/fake-1.1.0.jar)")
                        .size(),
                log.lines()::toString);
    }

    @Test
    void lowerVersionDeployedSecondIsShadowedAtOnce() {
        running.deploy(TestPlugins.fake("1.1.0"), "fake-1.1.0.jar");
        running.awaitProvider("fake", WAIT);

        running.deploy(TestPlugins.fake("1.0.0"), "fake-1.0.0.jar");

        Await.until(
                WAIT,
                "shadowed line",
                () -> !log.find(Level.WARN, "shadowed by 1.1.0").isEmpty());
        assertEquals(
                new Version("1.1.0"),
                running.registry().provider("fake").orElseThrow().version());
    }

    @Test
    void removingTheServingVersionFallsBackToTheOther() {
        running.deploy(TestPlugins.fake("1.0.0"), "fake-1.0.0.jar");
        running.deploy(TestPlugins.fake("1.1.0"), "fake-1.1.0.jar");
        Await.until(
                WAIT, "both registered", () -> running.registry().providers().size() == 2);
        List<String> events = new CopyOnWriteArrayList<>();
        running.registry().addListener(recording(events));

        running.undeploy("fake-1.1.0.jar");

        awaitServing("1.0.0");
        Await.until(WAIT, "events", () -> events.size() == 3);
        assertEquals(List.of("added 1.1.0", "removed 1.1.0", "added 1.0.0"), events);
        assertEquals(
                1,
                log.find(Level.INFO, "Provider 'fake' available from", "1.0.0", "took over")
                        .size());
    }

    @Test
    void sameBundleUnderTwoFileNamesIsReportedAsDuplicate() {
        running.deploy(TestPlugins.fake("1.0.0"), "fake.jar");
        running.awaitProvider("fake", WAIT);

        running.deploy(TestPlugins.fake("1.0.0"), "fake-copy.jar");

        Await.until(
                WAIT,
                () -> "duplicate error in " + log.lines(),
                () -> !log.find(
                                Level.ERROR,
                                "Ignored 'deploy/fake-copy.jar': it holds bundle 'com.pult.test.fake' 1.0.0 like"
                                        + " 'deploy/fake.jar'; keep one file per plugin")
                        .isEmpty());
        assertTrue(running.registry().problems().stream()
                .anyMatch(
                        p -> p.kind() == PluginProblem.Kind.DUPLICATE && p.jar().equals("deploy/fake-copy.jar")));
        assertTrue(running.registry().provider("fake").isPresent());
    }

    private void awaitServing(String version) {
        Await.until(
                WAIT,
                "fake " + version + " serving",
                () -> running.registry()
                        .provider("fake")
                        .map(p -> p.version().equals(new Version(version)))
                        .orElse(false));
    }

    private static ProviderListener recording(List<String> events) {
        return new ProviderListener() {
            @Override
            public void providerAdded(PluginProvider provider) {
                events.add("added " + provider.version());
            }

            @Override
            public void providerRemoved(PluginProvider provider) {
                events.add("removed " + provider.version());
            }
        };
    }
}
