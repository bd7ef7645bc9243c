package com.pult.mdm.it.kandji;

import com.pult.mdm.spi.ApiLimits;
import com.pult.mdm.spi.Capability;
import com.pult.mdm.spi.ConfigurationException;
import com.pult.mdm.spi.CredentialField;
import com.pult.mdm.spi.FetchContext;
import com.pult.mdm.spi.MdmException;
import com.pult.mdm.spi.MdmProvider;
import com.pult.mdm.spi.MdmProviderFactory;
import com.pult.mdm.spi.Normalization;
import com.pult.mdm.spi.ProviderConfig;
import com.pult.mdm.spi.RawRecord;
import com.pult.mdm.spi.RecordSink;
import com.pult.mdm.spi.WifiIpBinding;
import com.pult.mdm.spi.WifiIpExtension;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The plugin's factory as the host sees it, with one test control and nothing else changed: a hook that runs after
 * each device a fetch delivers, so a test can arm a fault for the next listing page at a precise point. Providers
 * are the plugin's own, passed through; the WiFi IP extension too.
 */
final class SteeredKandjiFactory implements MdmProviderFactory {

    private final MdmProviderFactory plugin;
    private volatile IntConsumer afterDevice = count -> {};

    SteeredKandjiFactory(MdmProviderFactory plugin) {
        this.plugin = plugin;
    }

    /** Runs {@code hook} with the count of devices the running fetch delivered, after each one. */
    void afterDevice(IntConsumer hook) {
        afterDevice = hook;
    }

    @Override
    public String id() {
        return plugin.id();
    }

    @Override
    public String displayName() {
        return plugin.displayName();
    }

    @Override
    public List<CredentialField> credentialFields() {
        return plugin.credentialFields();
    }

    @Override
    public Set<Capability> capabilities() {
        return plugin.capabilities();
    }

    @Override
    public ApiLimits apiLimits() {
        return plugin.apiLimits();
    }

    @Override
    public MdmProvider create(ProviderConfig config) throws ConfigurationException {
        return new SteeredProvider(plugin.create(config));
    }

    private final class SteeredProvider implements MdmProvider, WifiIpExtension {

        private final MdmProvider provider;

        SteeredProvider(MdmProvider provider) {
            this.provider = provider;
        }

        @Override
        public com.pult.mdm.spi.ValidationResult validate() {
            return provider.validate();
        }

        @Override
        public void fetch(FetchContext context, RecordSink sink) throws MdmException, InterruptedException {
            AtomicInteger delivered = new AtomicInteger();
            IntConsumer hook = afterDevice;
            provider.fetch(context, new RecordSink() {
                @Override
                public void device(RawRecord record) {
                    sink.device(record);
                    hook.accept(delivered.incrementAndGet());
                }

                @Override
                public void listingComplete() {
                    sink.listingComplete();
                }

                @Override
                public void detail(RawRecord record) {
                    sink.detail(record);
                }
            });
        }

        @Override
        public Normalization normalize(RawRecord record) {
            return provider.normalize(record);
        }

        @Override
        public Optional<WifiIpBinding> wifiIp(RawRecord record) {
            return provider instanceof WifiIpExtension extension ? extension.wifiIp(record) : Optional.empty();
        }

        @Override
        public void close() {
            provider.close();
        }
    }
}
