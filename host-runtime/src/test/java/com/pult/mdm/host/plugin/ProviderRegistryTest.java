package com.pult.mdm.host.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

/** The rule for one id offered more than once, and the events listeners see. */
class ProviderRegistryTest {

    private final ProviderRegistry registry = new ProviderRegistry();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @Test
    void highestVersionServesWhicheverArrivesFirst() {
        registry.add(provider("fake", "1.1.0", 5));
        registry.add(provider("fake", "1.0.0", 6));

        assertEquals(
                new Version("1.1.0"), registry.provider("fake").orElseThrow().version());
        assertEquals(ProviderStatus.SHADOWED, registry.providers().get(1).status());
    }

    @Test
    void equalVersionsKeepTheFirstInstalled() {
        registry.add(provider("fake", "1.0.0", 7));
        registry.add(provider("fake", "1.0.0", 3));

        assertEquals(3, registry.provider("fake").orElseThrow().bundleId());
    }

    @Test
    void listenersSeeTheTakeOverInOrder() {
        registry.addListener(recording());
        registry.add(provider("fake", "1.0.0", 1));
        registry.add(provider("fake", "1.1.0", 2));
        registry.removeBundle(2);

        assertEquals(List.of("+fake 1.0.0", "-fake 1.0.0", "+fake 1.1.0", "-fake 1.1.0", "+fake 1.0.0"), events);
    }

    @Test
    void newListenerIsToldAboutProvidersAlreadyServing() {
        registry.add(provider("fake", "1.0.0", 1));
        registry.add(provider("other", "2.0.0", 2));

        registry.addListener(recording());

        assertEquals(List.of("+fake 1.0.0", "+other 2.0.0"), events);
    }

    @Test
    void removingTheLastProviderOfAnIdLeavesNothing() {
        registry.add(provider("fake", "1.0.0", 1));

        registry.removeBundle(1);

        assertTrue(registry.available().isEmpty());
        assertTrue(registry.providers().isEmpty());
    }

    @Test
    void problemsAreKeptPerJarAndKindUntilCleared() {
        registry.report("deploy/a.jar", PluginProblem.Kind.FACTORY, "boom");
        registry.report("deploy/a.jar", PluginProblem.Kind.FACTORY, "boom again");
        registry.report("deploy/b.jar", PluginProblem.Kind.NOT_A_BUNDLE, "garbage");

        assertEquals(2, registry.problems().size());
        assertEquals("boom again", registry.problems().get(0).reason());

        registry.clearAll("deploy/a.jar");
        assertEquals(
                List.of("deploy/b.jar"),
                registry.problems().stream().map(PluginProblem::jar).toList());
    }

    private ProviderListener recording() {
        return new ProviderListener() {
            @Override
            public void providerAdded(PluginProvider provider) {
                events.add("+" + provider.id() + " " + provider.version());
            }

            @Override
            public void providerRemoved(PluginProvider provider) {
                events.add("-" + provider.id() + " " + provider.version());
            }
        };
    }

    private static PluginProvider provider(String id, String version, long bundleId) {
        return new PluginProvider(
                id, id, "com.test." + id, new Version(version), "deploy/" + id + ".jar", bundleId, null, Runnable::run);
    }
}
