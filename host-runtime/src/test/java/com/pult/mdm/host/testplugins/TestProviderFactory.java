package com.pult.mdm.host.testplugins;

import com.pult.mdm.spi.ApiLimits;
import com.pult.mdm.spi.Capability;
import com.pult.mdm.spi.ConfigurationException;
import com.pult.mdm.spi.CredentialField;
import com.pult.mdm.spi.MdmProvider;
import com.pult.mdm.spi.MdmProviderFactory;
import com.pult.mdm.spi.ProviderConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of the factories packed into test bundles. The provider id comes from {@code test-provider.properties}
 * inside the bundle, so one class serves several test plugins. Logs through SLF4J as a real plugin would.
 */
public abstract class TestProviderFactory implements MdmProviderFactory {

    /** The resource a test bundle names its provider id in. */
    public static final String ID_RESOURCE = "test-provider.properties";

    private final Logger logger = LoggerFactory.getLogger(getClass());
    private final String id;

    protected TestProviderFactory() {
        this.id = readId();
        logger.info("Created test provider factory '{}'", id);
    }

    private String readId() {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ID_RESOURCE)) {
            if (in == null) {
                return "fake";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("id", "fake");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return "Test provider " + id;
    }

    @Override
    public List<CredentialField> credentialFields() {
        return List.of();
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of();
    }

    @Override
    public ApiLimits apiLimits() {
        return new ApiLimits(1000, 10);
    }

    @Override
    public MdmProvider create(ProviderConfig config) throws ConfigurationException {
        throw new ConfigurationException("none", "test providers create nothing");
    }
}
