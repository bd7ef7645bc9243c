package com.pult.mdm.host.plugin;

import com.pult.mdm.spi.MdmProviderFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;

/**
 * Loads the factories a plugin names in {@code META-INF/services/com.pult.mdm.spi.MdmProviderFactory} with
 * the plugin's own class loader, creates them and reads what the host keeps (id, display name). Runs on the
 * plugin's thread. Every failure becomes a {@link FactoryLoadException} with a reason an operator can act on.
 */
final class FactoryLoader {

    /** The entry a plugin names its factory in; the same file {@link java.util.ServiceLoader} reads. */
    static final String SERVICES_ENTRY = "META-INF/services/" + MdmProviderFactory.class.getName();

    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** A created factory and the values read from it once. */
    record Loaded(MdmProviderFactory factory, String id, String displayName) {}

    private FactoryLoader() {}

    /** The class names in the services entry: comments and blank lines dropped. */
    static List<String> classNames(URL entry) throws FactoryLoadException {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(entry.openStream(), StandardCharsets.UTF_8))) {
            List<String> names = reader.lines()
                    .map(line -> line.replaceFirst("#.*", "").trim())
                    .filter(line -> !line.isEmpty())
                    .toList();
            if (names.isEmpty()) {
                throw new FactoryLoadException("its " + SERVICES_ENTRY + " names no class", null);
            }
            return names;
        } catch (IOException e) {
            throw new FactoryLoadException("its " + SERVICES_ENTRY + " cannot be read: " + e.getMessage(), e);
        }
    }

    static Loaded load(Bundle bundle, String className) throws FactoryLoadException {
        Class<? extends MdmProviderFactory> type = factoryClass(bundle, className);
        MdmProviderFactory factory = instantiate(type);
        String id = read(() -> factory.id(), "id()", className);
        if (id == null || !KEBAB_CASE.matcher(id).matches()) {
            throw new FactoryLoadException(
                    "id() of '" + className + "' returned '" + id + "', not a lower-case kebab-case id", null);
        }
        String displayName = read(() -> factory.displayName(), "displayName()", className);
        return new Loaded(factory, id, displayName == null ? id : displayName);
    }

    private static Class<? extends MdmProviderFactory> factoryClass(Bundle bundle, String className)
            throws FactoryLoadException {
        Class<?> type;
        try {
            type = bundle.loadClass(className);
        } catch (ClassNotFoundException e) {
            throw new FactoryLoadException(
                    "its services entry names class '" + className + "', which the bundle does not contain", e);
        } catch (LinkageError e) {
            throw new FactoryLoadException("class '" + className + "' cannot be loaded: " + describe(e), e);
        }
        if (!MdmProviderFactory.class.isAssignableFrom(type)) {
            throw new FactoryLoadException(notAFactory(type), null);
        }
        return type.asSubclass(MdmProviderFactory.class);
    }

    private static String notAFactory(Class<?> type) {
        String reason = "class '" + type.getName() + "' does not implement " + MdmProviderFactory.class.getName();
        boolean otherCopy = Arrays.stream(type.getInterfaces())
                .anyMatch(i -> i.getName().equals(MdmProviderFactory.class.getName()));
        // A plugin that embeds its own copy of the SPI implements an interface of the same name the host cannot use.
        return otherCopy ? reason + " from the host (it embeds its own copy of the SPI; import it instead)" : reason;
    }

    private static MdmProviderFactory instantiate(Class<? extends MdmProviderFactory> type)
            throws FactoryLoadException {
        try {
            return type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new FactoryLoadException("class '" + type.getName() + "' has no public no-argument constructor", e);
        } catch (InvocationTargetException e) {
            throw new FactoryLoadException(
                    "the constructor of '" + type.getName() + "' threw " + describe(e.getCause()), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new FactoryLoadException("class '" + type.getName() + "' cannot be created: " + describe(e), e);
        }
    }

    private static String read(Callable<String> call, String method, String className) throws FactoryLoadException {
        try {
            return call.call();
        } catch (Exception | LinkageError e) {
            throw new FactoryLoadException(method + " of '" + className + "' threw " + describe(e), e);
        }
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
