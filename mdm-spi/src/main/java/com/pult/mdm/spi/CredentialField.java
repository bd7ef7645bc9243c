package com.pult.mdm.spi;

import java.util.Objects;

/**
 * One field an admin fills in to connect an MDM account, described as data so a dashboard can render the form
 * for any vendor.
 *
 * @param name the key under which the value reaches {@link ProviderConfig}, such as {@code api_url}
 * @param label the label shown beside the input
 * @param secret whether the value is a secret: stored encrypted, never logged, never returned
 * @param required whether a value must be given
 * @param formatHint an example of a valid value, shown as placeholder text
 * @param helpText where the admin finds the value and what it needs
 */
public record CredentialField(
        String name, String label, boolean secret, boolean required, String formatHint, String helpText) {

    public CredentialField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        formatHint = formatHint == null ? "" : formatHint;
        helpText = helpText == null ? "" : helpText;
    }
}
