package com.pult.mdm.host;

import com.pult.mdm.host.config.HostConfig;
import com.pult.mdm.host.plugin.PluginProvider;
import com.pult.mdm.host.plugin.ProviderRegistry;
import com.pult.mdm.host.testsupport.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * A real host on temporary folders, with FileInstall from {@code target/core}, for tests that drop jars into
 * its deploy folder the way an operator would.
 */
public final class RunningHost implements AutoCloseable {

    /** Where the build staged the core bundles (FileInstall). */
    public static final Path CORE_DIR = Path.of(System.getProperty("pult.test.coreDir", "target/core"));

    /** Where the build copied the real plugin jars. */
    public static final Path PLUGINS_DIR = Path.of(System.getProperty("pult.test.pluginsDir", "target/test-plugins"));

    private final PultHost host;
    private final Path root;

    private RunningHost(PultHost host, Path root) {
        this.host = host;
        this.root = root;
    }

    /** The config of a host in {@code root}: data/ and deploy/ inside it, core bundles from the build. */
    public static HostConfig config(Path root, Duration poll) {
        // Port 0: test hosts never compete for the admin API port with each other or a running host.
        return HostConfig.defaults(root)
                .withCoreDir(CORE_DIR.toAbsolutePath())
                .withPollInterval(poll)
                .withHttpPort(0);
    }

    public static RunningHost start(Path root, Duration poll) {
        return start(config(root, poll));
    }

    public static RunningHost start(HostConfig config) {
        PultHost host = new PultHost(config);
        try {
            host.start();
        } catch (Exception e) {
            throw new IllegalStateException("test host did not start: " + e.getMessage(), e);
        }
        return new RunningHost(host, config.home());
    }

    /** The real Kandji plugin jar built by kandji-plugin. */
    public static Path kandjiJar() {
        return PLUGINS_DIR.resolve("kandji-plugin.jar");
    }

    public PultHost host() {
        return host;
    }

    public ProviderRegistry registry() {
        return host.registry();
    }

    public Path deployDir() {
        return host.config().deployDir();
    }

    public BundleContext bundleContext() {
        return host.bundleContext();
    }

    /** Copies {@code jar} next to the deploy folder, then moves it in atomically, as HOST.md tells operators. */
    public Path deploy(Path jar, String name) {
        try {
            Path staging = Files.createDirectories(root.resolve("staging"));
            Path staged = Files.copy(jar, staging.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            return Files.move(
                    staged,
                    deployDir().resolve(name),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code content} to the deploy folder through a staging file and an atomic move. */
    public Path deploy(byte[] content, String name) {
        try {
            Path staging = Files.createDirectories(root.resolve("staging"));
            Path staged = Files.write(staging.resolve(name), content);
            return Files.move(
                    staged,
                    deployDir().resolve(name),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void undeploy(String name) {
        try {
            Files.delete(deployDir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Bundle> bundle(String symbolicName) {
        BundleContext context = bundleContext();
        return context == null
                ? Optional.empty()
                : Arrays.stream(context.getBundles())
                        .filter(b -> symbolicName.equals(b.getSymbolicName()))
                        .findFirst();
    }

    /** Waits for the provider {@code id} to serve and returns it with the time waited. */
    public PluginProvider awaitProvider(String id, Duration timeout) {
        Await.until(
                timeout, "provider '" + id + "'", () -> registry().provider(id).isPresent());
        return registry().provider(id).orElseThrow();
    }

    public void awaitNoProvider(String id, Duration timeout) {
        Await.until(
                timeout,
                "provider '" + id + "' withdrawn",
                () -> registry().provider(id).isEmpty());
    }

    @Override
    public void close() {
        host.stop();
    }
}
