/**
 * The contract between the Pult integration host and MDM vendor plugins, and the value types they share.
 *
 * <p>A plugin names one {@link com.pult.mdm.spi.MdmProviderFactory} in
 * {@code META-INF/services/com.pult.mdm.spi.MdmProviderFactory}; the host finds it there both inside the
 * OSGi framework and on a flat class path. The lifecycle is described once, on the factory.
 *
 * <p>The package is semantically versioned: a plugin built against 1.x resolves against every 1.y with
 * y &ge; x and refuses to resolve against 2.0.
 */
@Export
@Version("1.0.0")
package com.pult.mdm.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
