package com.pult.mdm.kandji;

import com.pult.mdm.kandji.internal.KandjiProvider;
import com.pult.mdm.kandji.internal.config.KandjiConfig;
import com.pult.mdm.spi.ApiLimits;
import com.pult.mdm.spi.Capability;
import com.pult.mdm.spi.ConfigurationException;
import com.pult.mdm.spi.CredentialField;
import com.pult.mdm.spi.MdmProvider;
import com.pult.mdm.spi.MdmProviderFactory;
import com.pult.mdm.spi.ProviderConfig;
import java.util.List;
import java.util.Set;

/**
 * The Kandji (Iru) provider: named in {@code META-INF/services}, found by the host.
 *
 * <p>Besides the credential fields, {@link #create} reads two optional settings that are not shown as fields:
 * {@code connect_timeout_seconds} (default 10) and {@code read_timeout_seconds} (default 30).
 */
public final class KandjiProviderFactory implements MdmProviderFactory {

    /** The stable provider id stored with every Kandji integration. */
    public static final String ID = "kandji";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Kandji (Iru)";
    }

    @Override
    public List<CredentialField> credentialFields() {
        return List.of(
                new CredentialField(
                        "api_url",
                        "API URL",
                        false,
                        true,
                        "https://your-tenant.api.kandji.io",
                        "Shown in Kandji under Settings → Access, beside your API token."),
                new CredentialField(
                        "api_token",
                        "API token",
                        true,
                        true,
                        "00000000-0000-0000-0000-000000000000",
                        "Create it in Kandji under Settings → Access → Add API Token with the permissions"
                                + " Device list, Device ID and Device details."));
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.WIFI_IP, Capability.DETAILS_PER_DEVICE);
    }

    @Override
    public ApiLimits apiLimits() {
        return new ApiLimits(10_000, 50);
    }

    @Override
    public MdmProvider create(ProviderConfig config) throws ConfigurationException {
        return new KandjiProvider(KandjiConfig.from(config));
    }
}
