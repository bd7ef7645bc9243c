package com.pult.mdm.host.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Builds plugin bundles at test time: a hand-written manifest, class files copied from the test class path, a
 * services entry and resources. Classes are copied by name and never loaded here, so the bundle's classes
 * are loaded only by the bundle's class loader.
 */
public final class TestBundle {

    /** The services entry every plugin names its factory in. */
    public static final String SERVICES_ENTRY = "META-INF/services/com.pult.mdm.spi.MdmProviderFactory";

    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> imports = new ArrayList<>();
    private final List<String> classNames = new ArrayList<>();
    private final Map<String, byte[]> resources = new LinkedHashMap<>();

    private TestBundle(String symbolicName, String version) {
        headers.put("Bundle-ManifestVersion", "2");
        headers.put("Bundle-SymbolicName", symbolicName);
        headers.put("Bundle-Version", version);
    }

    /** A bundle importing the SPI at [1.0,2) and SLF4J at [1.7,2), like a real plugin built by bnd. */
    public static TestBundle plugin(String symbolicName, String version) {
        return new TestBundle(symbolicName, version)
                .imports("com.pult.mdm.spi;version=\"[1.0,2)\"")
                .imports("org.slf4j;version=\"[1.7,2)\"");
    }

    /** A bundle with no imports. */
    public static TestBundle bare(String symbolicName, String version) {
        return new TestBundle(symbolicName, version);
    }

    /** A plugin whose factory is {@code factoryClass}, with the shared test base class and the provider id. */
    public static TestBundle provider(String symbolicName, String version, String id, String factoryClass) {
        return plugin(symbolicName, version)
                .withClass("com.pult.mdm.host.testplugins.TestProviderFactory")
                .withClass(factoryClass)
                .services(factoryClass)
                .resource("test-provider.properties", "id=" + id + "\n");
    }

    public TestBundle imports(String clause) {
        imports.add(clause);
        return this;
    }

    /** Replaces every import, for bundles that import the SPI at another range. */
    public TestBundle onlyImports(String... clauses) {
        imports.clear();
        imports.addAll(List.of(clauses));
        return this;
    }

    public TestBundle header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public TestBundle withClass(String className) {
        classNames.add(className);
        return this;
    }

    public TestBundle services(String... factoryClasses) {
        return resource(SERVICES_ENTRY, String.join("\n", factoryClasses) + "\n");
    }

    public TestBundle resource(String path, String content) {
        resources.put(path, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Writes the jar to {@code file} and returns it. */
    public Path writeTo(Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar's bytes. */
    public byte[] bytes() {
        try (var out = new java.io.ByteArrayOutputStream()) {
            write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(OutputStream out) throws IOException {
        try (JarOutputStream jar = new JarOutputStream(out, manifest())) {
            for (String className : classNames) {
                String path = className.replace('.', '/') + ".class";
                add(jar, path, classBytes(path));
            }
            for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
                add(jar, resource.getKey(), resource.getValue());
            }
        }
    }

    private Manifest manifest() {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((name, value) -> main.put(new Attributes.Name(name), value));
        if (!imports.isEmpty()) {
            main.put(new Attributes.Name("Import-Package"), String.join(",", imports));
        }
        return manifest;
    }

    private static byte[] classBytes(String path) throws IOException {
        try (InputStream in = TestBundle.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("no class file '" + path + "' on the test class path");
            }
            return in.readAllBytes();
        }
    }

    private static void add(JarOutputStream jar, String path, byte[] content) throws IOException {
        jar.putNextEntry(new JarEntry(path));
        jar.write(content);
        jar.closeEntry();
    }
}
