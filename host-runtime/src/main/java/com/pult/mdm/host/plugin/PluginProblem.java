package com.pult.mdm.host.plugin;

import java.time.Instant;

/**
 * Why a file in the deploy folder did not become a provider, kept until the file or bundle changes.
 *
 * @param jar the file, such as {@code deploy/bad.jar}
 * @param kind what went wrong
 * @param reason one line a person can act on
 * @param since when the host noticed
 */
public record PluginProblem(String jar, Kind kind, String reason, Instant since) {

    /** The step at which a plugin failed. */
    public enum Kind {
        /** The file is not an OSGi bundle at all: not a .jar, not a zip, no manifest or no symbolic name. */
        NOT_A_BUNDLE,
        /** The file holds the same bundle as another file in the deploy folder. */
        DUPLICATE,
        /** The framework did not install the bundle. */
        NOT_INSTALLED,
        /** The bundle is installed but a requirement (such as the SPI version) is not met. */
        UNRESOLVED,
        /** The bundle started, but its provider factory could not be loaded, created or asked for its id. */
        FACTORY
    }
}
