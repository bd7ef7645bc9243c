package com.pult.mdm.host.sync;

import com.pult.mdm.host.sync.IntegrationException.Code;
import com.pult.mdm.spi.ConfigurationException;
import com.pult.mdm.spi.CredentialField;
import com.pult.mdm.spi.MdmProvider;
import com.pult.mdm.spi.MdmProviderFactory;
import com.pult.mdm.spi.ProviderConfig;
import com.pult.mdm.spi.ValidationResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An admin's field values checked against a provider's {@link CredentialField}s: unknown fields refused, required
 * ones present, blank secrets keeping their stored value, split into settings and secrets.
 *
 * @param settings non-secret values
 * @param secrets secret values
 */
record CredentialForm(Map<String, String> settings, Map<String, String> secrets) {

    static final int MAX_VALUE_LENGTH = 4000;

    /**
     * @param submitted what the admin sent; absent or blank fields keep the stored value
     * @param storedSettings the stored non-secret values (empty for a new integration)
     * @param storedSecrets the stored secret values (empty for a new integration)
     */
    static CredentialForm of(
            MdmProviderFactory factory,
            Map<String, String> submitted,
            Map<String, String> storedSettings,
            Map<String, String> storedSecrets)
            throws IntegrationException {
        Map<String, CredentialField> fields =
                factory.credentialFields().stream().collect(Collectors.toMap(CredentialField::name, field -> field));
        for (String name : submitted.keySet()) {
            if (!fields.containsKey(name)) {
                throw new IntegrationException(
                        Code.INVALID_FIELD,
                        "Unknown field '" + name + "' for provider '"
                                + factory.id() + "'; its fields are "
                                + String.join(", ", new TreeMap<>(fields).keySet())
                                + ".");
            }
        }
        Map<String, String> settings = new HashMap<>();
        Map<String, String> secrets = new HashMap<>();
        for (CredentialField field : factory.credentialFields()) {
            Map<String, String> stored = field.secret() ? storedSecrets : storedSettings;
            String value = valueOf(field, submitted.get(field.name()), stored.get(field.name()));
            if (value != null) {
                (field.secret() ? secrets : settings).put(field.name(), value);
            }
        }
        return new CredentialForm(settings, secrets);
    }

    private static String valueOf(CredentialField field, String submitted, String stored) throws IntegrationException {
        String value = submitted == null || submitted.isBlank() ? stored : submitted.strip();
        if (value != null && value.length() > MAX_VALUE_LENGTH) {
            throw new IntegrationException(
                    Code.INVALID_FIELD, "'" + field.label() + "' is longer than " + MAX_VALUE_LENGTH + " characters.");
        }
        if (value == null && field.required()) {
            throw new IntegrationException(
                    Code.INVALID_FIELD,
                    "'" + field.label() + "' is required.",
                    List.of(new ValidationResult.Problem(
                            ValidationResult.Code.INVALID_FIELD,
                            field.name(),
                            "",
                            "'" + field.label() + "' is required.")));
        }
        return value;
    }

    /** All values, secrets included, for the provider. */
    ProviderConfig config(boolean allowCustomEndpoints) {
        Map<String, String> all = new HashMap<>(settings);
        all.putAll(secrets);
        return new ProviderConfig(all, allowCustomEndpoints);
    }

    /**
     * Creates a provider from these values and validates them against the vendor.
     *
     * @throws IntegrationException with the provider's reasons when the configuration or the validation fails
     */
    void validate(ProviderDirectory.ProviderHandle handle, boolean allowCustomEndpoints) throws IntegrationException {
        ValidationResult result;
        try {
            result = handle.call(() -> validateOnPluginThread(handle.factory(), allowCustomEndpoints));
        } catch (ConfigurationException e) {
            throw new IntegrationException(
                    Code.INVALID_FIELD,
                    e.getMessage(),
                    List.of(new ValidationResult.Problem(
                            ValidationResult.Code.INVALID_FIELD, e.field(), "", e.getMessage())));
        } catch (ProviderDirectory.PluginGoneException e) {
            throw new IntegrationException(Code.PROVIDER_NOT_INSTALLED, e.getMessage());
        } catch (Exception | LinkageError e) {
            throw new IntegrationException(
                    Code.VALIDATION_FAILED,
                    "The provider failed while validating: " + e.getClass().getSimpleName()
                            + ". Try again; if it persists, check the plugin's log lines.");
        }
        if (!result.isOk()) {
            throw new IntegrationException(Code.VALIDATION_FAILED, summary(result), result.problems());
        }
    }

    private ValidationResult validateOnPluginThread(MdmProviderFactory factory, boolean allowCustomEndpoints)
            throws ConfigurationException {
        try (MdmProvider provider = factory.create(config(allowCustomEndpoints))) {
            return provider.validate();
        }
    }

    private static String summary(ValidationResult result) {
        return "The credentials were not accepted: "
                + result.problems().stream()
                        .map(ValidationResult.Problem::message)
                        .collect(Collectors.joining(" "));
    }

    /** Never shows values. */
    @Override
    public String toString() {
        return "CredentialForm" + settings.keySet() + secrets.keySet();
    }
}
