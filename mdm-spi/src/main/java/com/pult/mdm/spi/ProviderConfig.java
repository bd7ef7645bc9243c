package com.pult.mdm.spi;

import java.util.Map;
import java.util.Optional;

/**
 * The configuration of one integration as the host hands it to {@link MdmProviderFactory#create}: the values
 * of the factory's {@link CredentialField}s, secrets decrypted, and the host's policy.
 *
 * @param values field values by {@link CredentialField#name()}; blank values are absent
 * @param allowCustomEndpoints whether the host allows base URLs other than the vendor's own (a simulator or a
 *     proxy); off in production
 */
public record ProviderConfig(Map<String, String> values, boolean allowCustomEndpoints) {

    public ProviderConfig {
        values = Map.copyOf(values);
    }

    /** The trimmed value of a field, or empty when it is missing or blank. */
    public Optional<String> value(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /**
     * The trimmed value of a required field.
     *
     * @throws ConfigurationException naming the field when it is missing or blank
     */
    public String require(String name) throws ConfigurationException {
        return value(name).orElseThrow(() -> new ConfigurationException(name, "'" + name + "' is required."));
    }

    /** Never shows values: a config holds secrets. */
    @Override
    public String toString() {
        return "ProviderConfig" + values.keySet() + (allowCustomEndpoints ? " (custom endpoints allowed)" : "");
    }
}
