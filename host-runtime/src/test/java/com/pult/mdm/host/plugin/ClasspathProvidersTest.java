package com.pult.mdm.host.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pult.mdm.host.RunningHost;
import com.pult.mdm.host.testsupport.TestBundle;
import com.pult.mdm.spi.MdmProviderFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same plugin jar works outside the framework, found by plain ServiceLoader on a flat class path. */
class ClasspathProvidersTest {

    @TempDir
    Path dir;

    @Test
    void kandjiJarIsFoundOnAFlatClassPathWithTheSpiAsParent() throws Exception {
        try (URLClassLoader loader = flat(RunningHost.kandjiJar())) {
            List<MdmProviderFactory> factories = new ClasspathProviders().load(loader);

            assertEquals(1, factories.size());
            assertEquals("kandji", factories.get(0).id());
            assertEquals(loader, factories.get(0).getClass().getClassLoader());
        }
    }

    @Test
    void brokenServicesEntryIsSkippedAndTheRestStillLoad() throws Exception {
        Path broken = TestBundle.plugin("com.pult.test.missing", "1.0.0")
                .services("com.example.DoesNotExist")
                .writeTo(dir.resolve("missing.jar"));
        try (URLClassLoader loader = flat(broken, RunningHost.kandjiJar())) {
            List<MdmProviderFactory> factories = new ClasspathProviders().load(loader);

            assertEquals(
                    List.of("kandji"),
                    factories.stream().map(MdmProviderFactory::id).toList());
        }
    }

    private URLClassLoader flat(Path... jars) throws Exception {
        URL[] urls = new URL[jars.length];
        for (int i = 0; i < jars.length; i++) {
            urls[i] = jars[i].toUri().toURL();
        }
        // The test class path holds the SPI and SLF4J, as the host's does.
        return new URLClassLoader(urls, getClass().getClassLoader());
    }
}
