package com.pult.mdm.host.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the deploy folder itself and says why a file did not become a plugin, because FileInstall skips
 * such files without a word. Like FileInstall it judges a file only once it was unchanged across two scans,
 * so a jar still being copied is never reported, and it judges it again whenever it changes, so a truncated
 * jar that is completed later is taken then. Runs on the deploy monitor's thread only.
 */
final class DeployFolderInspector {

    /** Scans a bundle file may stay stable and uninstalled before it is reported as not installed. */
    private static final int INSTALL_GRACE_SCANS = 4;

    private final Logger logger = LoggerFactory.getLogger(DeployFolderInspector.class);
    private final Path deployDir;
    private final JarNames jarNames;
    private final ProviderRegistry registry;
    private final BundleContext context;
    private final Function<Path, Optional<String>> installFailures;
    private final Map<Path, Watched> watched = new HashMap<>();

    /** What is known about one file since it last changed. */
    private static final class Watched {
        final Snapshot snapshot;
        final Map<PluginProblem.Kind, String> reported = new EnumMap<>(PluginProblem.Kind.class);
        int stableScans;
        BundleIdentity identity;

        Watched(Snapshot snapshot) {
            this.snapshot = snapshot;
        }
    }

    private record Snapshot(long size, long modified, boolean directory) {}

    private record BundleIdentity(String symbolicName, Version version) {}

    DeployFolderInspector(
            Path deployDir,
            JarNames jarNames,
            ProviderRegistry registry,
            BundleContext context,
            Function<Path, Optional<String>> installFailures) {
        this.deployDir = deployDir;
        this.installFailures = installFailures;
        this.jarNames = jarNames;
        this.registry = registry;
        this.context = context;
    }

    void scan() {
        Map<Path, Snapshot> files = list();
        forgetGone(files);
        files.forEach(this::observe);
        Map<Path, String> installed = installedLocations();
        checkDuplicates(installed);
        checkInstalled(installed);
    }

    private Map<Path, Snapshot> list() {
        Map<Path, Snapshot> files = new HashMap<>();
        try (Stream<Path> paths = Files.list(deployDir)) {
            paths.filter(p -> !p.getFileName().toString().startsWith("."))
                    .forEach(p -> snapshot(p)
                            .ifPresent(s -> files.put(p.toAbsolutePath().normalize(), s)));
        } catch (IOException e) {
            logger.warn("Failed to list deploy folder '{}': {}", deployDir, e.toString());
        }
        return files;
    }

    private static Optional<Snapshot> snapshot(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            long modified = attributes.lastModifiedTime().toMillis();
            return Optional.of(new Snapshot(attributes.size(), modified, attributes.isDirectory()));
        } catch (IOException e) {
            // Deleted between listing and reading: the next scan does not see it.
            return Optional.empty();
        }
    }

    private void forgetGone(Map<Path, Snapshot> files) {
        List<Path> gone =
                watched.keySet().stream().filter(p -> !files.containsKey(p)).toList();
        for (Path file : gone) {
            watched.remove(file);
            registry.clearAll(jarNames.of(file));
        }
    }

    private void observe(Path file, Snapshot snapshot) {
        Watched known = watched.get(file);
        if (known == null || !known.snapshot.equals(snapshot)) {
            // New or still changing: judged once it stops changing.
            if (known != null) {
                registry.clearAll(jarNames.of(file));
            }
            watched.put(file, new Watched(snapshot));
            return;
        }
        known.stableScans++;
        if (known.stableScans == 1) {
            known.identity = inspect(file, known);
        }
    }

    private BundleIdentity inspect(Path file, Watched known) {
        String name = file.getFileName().toString();
        if (name.endsWith(".part")) {
            logger.info(
                    "Waiting for '{}': a partial file is still being written; it is taken once renamed",
                    jarNames.of(file));
            return null;
        }
        if (known.snapshot.directory() || !name.endsWith(".jar")) {
            String what = known.snapshot.directory() ? "a directory" : "not a .jar file";
            notABundle(file, known, what + "; only .jar files in the deploy folder are installed");
            return null;
        }
        return readIdentity(file, known);
    }

    private BundleIdentity readIdentity(Path file, Watched known) {
        Manifest manifest;
        try (JarFile jar = new JarFile(file.toFile())) {
            manifest = jar.getManifest();
        } catch (IOException e) {
            notABundle(
                    file,
                    known,
                    "not a zip/jar archive (" + e.getMessage() + "); a truncated copy is retried"
                            + " once the file changes");
            return null;
        }
        if (manifest == null) {
            notABundle(file, known, "no META-INF/MANIFEST.MF, so not an OSGi bundle");
            return null;
        }
        String symbolicName = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        if (symbolicName == null || symbolicName.isBlank()) {
            notABundle(file, known, "no Bundle-SymbolicName in its manifest, so not an OSGi bundle");
            return null;
        }
        return new BundleIdentity(symbolicName.split(";", 2)[0].trim(), version(manifest));
    }

    private static Version version(Manifest manifest) {
        try {
            return Version.parseVersion(manifest.getMainAttributes().getValue("Bundle-Version"));
        } catch (IllegalArgumentException e) {
            return Version.emptyVersion;
        }
    }

    private void notABundle(Path file, Watched known, String reason) {
        report(file, known, PluginProblem.Kind.NOT_A_BUNDLE, reason);
    }

    private void checkDuplicates(Map<Path, String> installed) {
        Map<BundleIdentity, List<Path>> byIdentity = watched.entrySet().stream()
                .filter(e -> e.getValue().identity != null)
                .collect(Collectors.groupingBy(
                        e -> e.getValue().identity,
                        Collectors.mapping(Map.Entry::getKey, Collectors.toCollection(ArrayList::new))));
        byIdentity.forEach((identity, files) -> {
            files.sort(null);
            Path kept =
                    files.stream().filter(installed::containsKey).findFirst().orElse(files.get(0));
            for (Path file : files) {
                Watched known = watched.get(file);
                if (file.equals(kept)) {
                    clearReported(file, known, PluginProblem.Kind.DUPLICATE);
                } else {
                    report(file, known, PluginProblem.Kind.DUPLICATE, duplicateReason(identity, kept));
                }
            }
        });
    }

    private String duplicateReason(BundleIdentity identity, Path kept) {
        return "it holds bundle '" + identity.symbolicName() + "' " + identity.version() + " like '" + jarNames.of(kept)
                + "'; keep one file per plugin (a second copy can update or remove the first)";
    }

    private void checkInstalled(Map<Path, String> installed) {
        watched.forEach((file, known) -> {
            boolean pending = known.identity != null && known.stableScans >= INSTALL_GRACE_SCANS;
            if (!pending || known.reported.containsKey(PluginProblem.Kind.DUPLICATE)) {
                return;
            }
            if (installed.containsKey(file)) {
                clearReported(file, known, PluginProblem.Kind.NOT_INSTALLED);
                return;
            }
            String reason = installFailures
                    .apply(file)
                    .map(why -> "the framework refused it: " + why)
                    .orElse("the framework did not install it; see the fileinstall lines before this one");
            report(file, known, PluginProblem.Kind.NOT_INSTALLED, reason);
        });
    }

    private Map<Path, String> installedLocations() {
        Map<Path, String> installed = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            JarNames.path(bundle.getLocation()).ifPresent(path -> installed.put(path, bundle.getSymbolicName()));
        }
        return installed;
    }

    private void report(Path file, Watched known, PluginProblem.Kind kind, String reason) {
        if (reason.equals(known.reported.get(kind))) {
            return;
        }
        known.reported.put(kind, reason);
        String jar = jarNames.of(file);
        if (kind == PluginProblem.Kind.NOT_INSTALLED) {
            logger.error("Failed to install '{}': {}", jar, reason);
        } else {
            logger.error("Ignored '{}': {}", jar, reason);
        }
        registry.report(jar, kind, reason);
    }

    private void clearReported(Path file, Watched known, PluginProblem.Kind kind) {
        if (known.reported.remove(kind) != null) {
            registry.clear(jarNames.of(file), kind);
        }
    }
}
