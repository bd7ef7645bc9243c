package com.pult.mdm.it.kandji;

import com.pult.mdm.host.plugin.ClasspathProviders;
import com.pult.mdm.spi.ConfigurationException;
import com.pult.mdm.spi.MdmProvider;
import com.pult.mdm.spi.MdmProviderFactory;
import com.pult.mdm.spi.ProviderConfig;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real Kandji plugin jar from {@code target/plugins}, loaded the way the host loads a plugin outside OSGi: a
 * class loader over the jar whose parent holds the SPI, and {@link java.util.ServiceLoader} for its factory.
 *
 * <p>Under surefire the jar is not on the test class path, so a plain {@link URLClassLoader} does. Under
 * {@code exec:java} with the test scope, Maven puts the kandji-plugin dependency on the class path too; then the
 * loader looks in the jar first for everything but the packages the bundle imports (the SPI, SLF4J, the JDK), as
 * the OSGi framework would, so the classes under test are always the deployed jar's.
 */
final class KandjiPluginJar {

    static final String PROVIDER_ID = "kandji";
    static final String JAR_NAME = "kandji-plugin.jar";
    private static final String FACTORY_CLASS = "com.pult.mdm.kandji.KandjiProviderFactory";

    private static MdmProviderFactory factory;

    private KandjiPluginJar() {}

    /** The plugin's factory, loaded once per JVM. */
    static synchronized MdmProviderFactory factory() {
        if (factory == null) {
            factory = load(locate());
        }
        return factory;
    }

    /**
     * A provider for a simulator (custom endpoints allowed).
     *
     * @param extra optional settings such as {@code read_timeout_seconds}
     */
    static MdmProvider provider(String baseUrl, String token, Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(extra);
        values.put("api_url", baseUrl);
        values.put("api_token", token);
        try {
            return factory().create(new ProviderConfig(values, true));
        } catch (ConfigurationException e) {
            throw new IllegalStateException("The simulator's URL was refused: " + e.getMessage(), e);
        }
    }

    static MdmProvider provider(String baseUrl, String token) {
        return provider(baseUrl, token, Map.of());
    }

    /** The jar surefire names in {@code pult.test.pluginsDir}, else the module's or the reactor's target folder. */
    static Path locate() {
        String dir = System.getProperty("pult.test.pluginsDir");
        List<Path> candidates = dir != null
                ? List.of(Path.of(dir, JAR_NAME))
                : List.of(Path.of("target", "plugins", JAR_NAME), Path.of("it-tests", "target", "plugins", JAR_NAME));
        return candidates.stream()
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No " + JAR_NAME + " in " + candidates
                        + "; run 'mvn -f it-tests/pom.xml process-resources' to stage it."));
    }

    private static MdmProviderFactory load(Path jar) {
        ClassLoader parent = MdmProviderFactory.class.getClassLoader();
        URL[] urls = {url(jar)};
        URLClassLoader loader =
                isVisible(parent) ? new JarFirstClassLoader(urls, parent) : new URLClassLoader(urls, parent);
        List<MdmProviderFactory> found = new ClasspathProviders()
                .load(loader).stream()
                        .filter(candidate -> PROVIDER_ID.equals(candidate.id()))
                        .filter(candidate -> candidate.getClass().getClassLoader() == loader)
                        .toList();
        if (found.size() != 1) {
            throw new IllegalStateException("Expected one Kandji factory in " + jar + ", found " + found.size());
        }
        return found.get(0);
    }

    private static boolean isVisible(ClassLoader parent) {
        try {
            Class.forName(FACTORY_CLASS, false, parent);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Child-first except for the packages the bundle imports, like the bundle's own class space in OSGi. */
    private static final class JarFirstClassLoader extends URLClassLoader {

        private static final List<String> IMPORTED = List.of(
                "java.",
                "javax.",
                "jdk.",
                "sun.",
                "org.slf4j.",
                "com.pult.mdm.spi.",
                "org.w3c.",
                "org.xml.",
                "org.ietf.");

        JarFirstClassLoader(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (IMPORTED.stream().anyMatch(name::startsWith)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try {
                        loaded = findClass(name);
                    } catch (ClassNotFoundException e) {
                        return super.loadClass(name, resolve);
                    }
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}
