package com.pult.mdm.host.launch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packages the system bundle exports to plugins from the host's class path: the SPI at the version the
 * mdm-spi jar's own manifest states (so the version is written in one place), and SLF4J, so that plugin log
 * lines land in the host's log.
 */
public final class SystemPackages {

    /** The symbolic name in the mdm-spi jar's manifest. */
    static final String SPI_BUNDLE = "com.pult.mdm.spi";

    private static final String SLF4J_BUNDLE = "slf4j.api";
    // httpclient5 and other 1.7-era libraries import org.slf4j [1.7,2); the 2.x API is compatible for callers.
    private static final String SLF4J_COMPAT_VERSION = "1.7.36";
    private static final List<String> SLF4J_PACKAGES =
            List.of("org.slf4j", "org.slf4j.spi", "org.slf4j.event", "org.slf4j.helpers");
    private static final Pattern VERSION = Pattern.compile("version=\"?([^\";,]+)\"?");

    private final String spiExport;
    private final String slf4jVersion;

    SystemPackages(String spiExport, String slf4jVersion) {
        this.spiExport = spiExport;
        this.slf4jVersion = slf4jVersion;
    }

    /**
     * Reads the manifests of the mdm-spi and slf4j-api jars visible to {@code loader}.
     *
     * @throws LaunchException when either jar or its headers are missing
     */
    public static SystemPackages fromClassPath(ClassLoader loader) throws LaunchException {
        Attributes spi = bundleManifest(loader, SPI_BUNDLE);
        Attributes slf4j = bundleManifest(loader, SLF4J_BUNDLE);
        String export = spi.getValue("Export-Package");
        if (export == null || export.isBlank()) {
            throw new LaunchException("the mdm-spi jar's manifest has no Export-Package header");
        }
        return new SystemPackages(export.trim(), slf4j.getValue("Bundle-Version"));
    }

    /** The SPI's Export-Package header, as written in its jar. */
    public String spiExport() {
        return spiExport;
    }

    /** The exported SPI package version, such as {@code 1.0.0}. */
    public String spiVersion() {
        Matcher matcher = VERSION.matcher(spiExport);
        return matcher.find() ? matcher.group(1) : "0.0.0";
    }

    /** The value of {@code org.osgi.framework.system.packages.extra}. */
    public String extraPackages() {
        List<String> clauses = new ArrayList<>();
        clauses.add(spiExport);
        for (String pkg : SLF4J_PACKAGES) {
            clauses.add(pkg + ";version=\"" + slf4jVersion + "\"");
            clauses.add(pkg + ";version=\"" + SLF4J_COMPAT_VERSION + "\"");
        }
        return String.join(",", clauses);
    }

    private static Attributes bundleManifest(ClassLoader loader, String symbolicName) throws LaunchException {
        try {
            Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                Attributes attributes = read(manifests.nextElement());
                if (symbolicName.equals(symbolicName(attributes))) {
                    return attributes;
                }
            }
        } catch (IOException e) {
            throw new LaunchException("cannot read the class path's manifests: " + e.getMessage(), e);
        }
        throw new LaunchException("no jar with Bundle-SymbolicName '" + symbolicName + "' on the class path");
    }

    private static Attributes read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new Manifest(in).getMainAttributes();
        }
    }

    private static String symbolicName(Attributes attributes) {
        String value = attributes.getValue("Bundle-SymbolicName");
        return value == null ? null : value.split(";", 2)[0].trim();
    }
}
