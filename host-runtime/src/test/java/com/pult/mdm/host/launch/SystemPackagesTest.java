package com.pult.mdm.host.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The system bundle's extra exports come from the jars' own manifests. */
class SystemPackagesTest {

    @Test
    void spiIsExportedAtTheVersionInTheSpiJarsManifest() throws Exception {
        SystemPackages packages = SystemPackages.fromClassPath(getClass().getClassLoader());

        assertEquals("com.pult.mdm.spi;version=\"1.0.0\"", packages.spiExport());
        assertEquals("1.0.0", packages.spiVersion());
    }

    @Test
    void slf4jIsExportedAtItsOwnVersionAndAt17ForOlderLibraries() throws Exception {
        List<String> clauses = List.of(SystemPackages.fromClassPath(getClass().getClassLoader())
                .extraPackages()
                .split(","));

        for (String pkg : List.of("org.slf4j", "org.slf4j.spi", "org.slf4j.event", "org.slf4j.helpers")) {
            assertTrue(clauses.contains(pkg + ";version=\"2.0.20\""), clauses::toString);
            assertTrue(clauses.contains(pkg + ";version=\"1.7.36\""), clauses::toString);
        }
    }
}
