package com.pult.mdm.spi;

import java.util.List;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Entry point of one MDM vendor plugin; exactly one per plugin, named in
 * {@code META-INF/services/com.pult.mdm.spi.MdmProviderFactory}.
 *
 * <h2>Lifecycle</h2>
 *
 * <ol>
 *   <li>The host instantiates the factory through its public no-argument constructor when the plugin is
 *       deployed, on a thread of the host's own. The constructor must be cheap and must not do I/O.
 *   <li>The host reads {@link #id()}, {@link #displayName()}, {@link #credentialFields()},
 *       {@link #capabilities()} and {@link #apiLimits()} once and shows them to admins.
 *   <li>For every integration (one organization's connection to one account of this vendor) the host calls
 *       {@link #create(ProviderConfig)} and owns the returned {@link MdmProvider} until it calls
 *       {@link MdmProvider#close()}: when the integration's configuration changes, when it is deleted, or
 *       when the plugin is removed.
 *   <li>When the plugin is removed, every provider it created is closed and the factory is dropped; it gets
 *       no other notice.
 * </ol>
 *
 * <p>Implementations must be thread-safe: the host may create providers for several integrations at once.
 */
@ConsumerType
public interface MdmProviderFactory {

    /**
     * The stable, lower-case, kebab-case identifier of the vendor, such as {@code kandji}. Stored with every
     * integration, so it must never change between plugin versions.
     */
    String id();

    /** The vendor's name as an admin knows it, such as {@code Kandji (Iru)}. */
    String displayName();

    /**
     * The fields an admin fills in to connect an account, in display order. The host renders its form from
     * this list alone, stores secret fields encrypted and never returns them.
     */
    List<CredentialField> credentialFields();

    /** What this vendor can deliver beyond the serial number, WiFi MAC and assigned user. */
    Set<Capability> capabilities();

    /**
     * The vendor's published request limits for one account. The host paces every provider's requests
     * under a configurable share of these.
     */
    ApiLimits apiLimits();

    /**
     * Creates the provider of one integration. Does no I/O: checking the credentials against the vendor is
     * {@link MdmProvider#validate()}.
     *
     * @param config the integration's field values, secrets included, and the host's policy
     * @return a provider the host owns and closes
     * @throws ConfigurationException when a field is missing or malformed; its message says which field and
     *     what a valid value looks like, and never contains a secret
     */
    MdmProvider create(ProviderConfig config) throws ConfigurationException;
}
