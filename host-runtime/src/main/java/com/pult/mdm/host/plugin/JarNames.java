package com.pult.mdm.host.plugin;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Names files the way log lines and problems show them: {@code deploy/x.jar} for a file in the deploy folder,
 * the full path or the location string for anything else.
 */
final class JarNames {

    private final Path deployDir;

    JarNames(Path deployDir) {
        this.deployDir = deployDir.toAbsolutePath().normalize();
    }

    String of(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (deployDir.equals(absolute.getParent())) {
            return deployDir.getFileName() + "/" + absolute.getFileName();
        }
        return absolute.toString();
    }

    String ofLocation(String location) {
        return path(location).map(this::of).orElse(location);
    }

    /** The file behind a bundle location such as FileInstall's {@code file:/.../deploy/x.jar}. */
    static Optional<Path> path(String location) {
        if (location == null || !location.startsWith("file:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(URI.create(location)).toAbsolutePath().normalize());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
