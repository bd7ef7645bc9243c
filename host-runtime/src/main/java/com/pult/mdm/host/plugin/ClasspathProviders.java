package com.pult.mdm.host.plugin;

import com.pult.mdm.spi.MdmProviderFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds provider factories on a flat class path with plain {@link ServiceLoader}, from the same
 * {@code META-INF/services} entry the framework extender reads: a plugin jar works both ways. Used by tests
 * and tools that run a provider without the plugin framework.
 */
public final class ClasspathProviders {

    private static final int MAX_ERRORS = 100;

    private final Logger logger = LoggerFactory.getLogger(ClasspathProviders.class);

    /**
     * Creates every factory visible to {@code loader}. A factory that fails to load or instantiate is logged
     * and skipped; the others are still returned.
     */
    public List<MdmProviderFactory> load(ClassLoader loader) {
        List<MdmProviderFactory> factories = new ArrayList<>();
        Iterator<MdmProviderFactory> found =
                ServiceLoader.load(MdmProviderFactory.class, loader).iterator();
        // ServiceLoader goes on after a broken entry on a best-effort basis; the bound guards against a loop.
        for (int errors = 0; errors < MAX_ERRORS; ) {
            try {
                if (!found.hasNext()) {
                    return factories;
                }
                factories.add(found.next());
            } catch (ServiceConfigurationError e) {
                logger.error("Failed to load a provider factory from the class path: {}", e.getMessage());
                errors++;
            }
        }
        return factories;
    }
}
