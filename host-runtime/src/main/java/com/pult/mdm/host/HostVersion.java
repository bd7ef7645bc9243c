package com.pult.mdm.host;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The host's own version, written into the jar by the build. */
public final class HostVersion {

    private HostVersion() {}

    /** The version, such as {@code 0.1.0-SNAPSHOT}, or {@code unknown} when run from unbuilt sources. */
    public static String current() {
        try (InputStream in = HostVersion.class.getResourceAsStream("host-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
