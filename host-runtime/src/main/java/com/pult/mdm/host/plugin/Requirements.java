package com.pult.mdm.host.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.namespace.ExecutionEnvironmentNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;

/**
 * Says in words which requirements of an unresolved bundle nothing in the framework satisfies, such as
 * {@code requires package 'com.pult.mdm.spi' [2.0.0,3.0.0) but the host provides 1.0.0}.
 */
final class Requirements {

    private static final Pattern PACKAGE = Pattern.compile("\\(osgi\\.wiring\\.package=([^)]+)\\)");
    private static final Pattern NOT_AT_LEAST = Pattern.compile("\\(!\\(version>=([^)]+)\\)\\)");
    private static final Pattern NOT_AT_MOST = Pattern.compile("\\(!\\(version<=([^)]+)\\)\\)");
    private static final Pattern AT_LEAST = Pattern.compile("\\(version>=([^)]+)\\)");
    private static final Pattern AT_MOST = Pattern.compile("\\(version<=([^)]+)\\)");
    private static final Pattern EXACTLY = Pattern.compile("\\(version=([^)]+)\\)");

    private final BundleContext context;
    private final FrameworkWiring wiring;

    Requirements(BundleContext context) {
        this.context = context;
        this.wiring = context.getBundle(Constants.SYSTEM_BUNDLE_ID).adapt(FrameworkWiring.class);
    }

    /** One phrase per mandatory requirement of {@code bundle} that no capability satisfies. */
    List<String> unsatisfied(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        List<String> phrases = new ArrayList<>();
        if (revision == null) {
            return phrases;
        }
        for (Requirement requirement : revision.getRequirements(null)) {
            if (isMandatory(requirement) && wiring.findProviders(requirement).isEmpty()) {
                phrases.add(describe(requirement));
            }
        }
        return phrases;
    }

    private static boolean isMandatory(Requirement requirement) {
        String resolution = requirement.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE);
        return resolution == null || Namespace.RESOLUTION_MANDATORY.equals(resolution);
    }

    private String describe(Requirement requirement) {
        String filter = requirement.getDirectives().getOrDefault(Namespace.REQUIREMENT_FILTER_DIRECTIVE, "");
        String namespace = requirement.getNamespace();
        if (PackageNamespace.PACKAGE_NAMESPACE.equals(namespace)) {
            return describePackage(filter);
        }
        if (ExecutionEnvironmentNamespace.EXECUTION_ENVIRONMENT_NAMESPACE.equals(namespace)) {
            return "requires execution environment " + filter + " but the host runs Java "
                    + System.getProperty("java.specification.version");
        }
        return "requires " + namespace + " " + filter + " but nothing provides it";
    }

    private String describePackage(String filter) {
        Matcher name = PACKAGE.matcher(filter);
        if (!name.find()) {
            return "requires a package matching " + filter + " but nothing provides it";
        }
        String pkg = name.group(1);
        String wanted = "requires package '" + pkg + "' " + range(filter);
        List<String> offered = offeredVersions(pkg);
        return offered.isEmpty()
                ? wanted + " but nothing provides it"
                : wanted + " but the host provides " + String.join(", ", offered);
    }

    private List<String> offeredVersions(String pkg) {
        List<String> versions = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            if (revision == null) {
                continue;
            }
            for (BundleCapability capability : revision.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                Map<String, Object> attributes = capability.getAttributes();
                if (pkg.equals(attributes.get(PackageNamespace.PACKAGE_NAMESPACE))) {
                    versions.add(String.valueOf(attributes.get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE)));
                }
            }
        }
        return versions;
    }

    /** The version range in an OSGi filter, written as in a manifest: {@code [2.0.0,3.0.0)}. */
    static String range(String filter) {
        String rest = filter;
        String upperOpen = group(NOT_AT_LEAST, rest);
        rest = NOT_AT_LEAST.matcher(rest).replaceAll("");
        String lowerOpen = group(NOT_AT_MOST, rest);
        rest = NOT_AT_MOST.matcher(rest).replaceAll("");
        String lower = group(AT_LEAST, rest);
        String upper = group(AT_MOST, rest);
        String exact = group(EXACTLY, rest);
        if (exact != null) {
            return "[" + exact + "," + exact + "]";
        }
        String from = lower != null ? "[" + lower : lowerOpen != null ? "(" + lowerOpen : "[0.0.0";
        if (upperOpen == null && upper == null) {
            return lower == null && lowerOpen == null ? "(any version)" : from.substring(1) + " or later";
        }
        return from + "," + (upperOpen != null ? upperOpen + ")" : upper + "]");
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }
}
