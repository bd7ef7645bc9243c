package com.pult.mdm.kandji.internal;

import com.pult.mdm.kandji.internal.api.KandjiClient;
import com.pult.mdm.kandji.internal.api.KandjiRequester;
import com.pult.mdm.kandji.internal.api.KandjiRetryPolicy;
import com.pult.mdm.kandji.internal.api.KandjiSleeper;
import com.pult.mdm.kandji.internal.config.KandjiConfig;
import com.pult.mdm.kandji.internal.normalize.KandjiNormalizer;
import com.pult.mdm.kandji.internal.sync.KandjiFetch;
import com.pult.mdm.kandji.internal.validate.KandjiValidator;
import com.pult.mdm.spi.FetchContext;
import com.pult.mdm.spi.MdmException;
import com.pult.mdm.spi.MdmProvider;
import com.pult.mdm.spi.Normalization;
import com.pult.mdm.spi.RawRecord;
import com.pult.mdm.spi.RecordSink;
import com.pult.mdm.spi.ValidationResult;
import com.pult.mdm.spi.WifiIpBinding;
import com.pult.mdm.spi.WifiIpExtension;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/** One Kandji integration: validates its token, syncs its devices, normalizes what Kandji sent. */
public final class KandjiProvider implements MdmProvider, WifiIpExtension {

    private final KandjiConfig config;
    private final KandjiClient client;
    private final KandjiRetryPolicy retryPolicy;
    private final KandjiSleeper sleeper;
    private final DoubleSupplier jitter;
    private final KandjiNormalizer normalizer = new KandjiNormalizer();

    /** A provider with the default retry policy that really sleeps. */
    public KandjiProvider(KandjiConfig config) {
        this(
                config,
                KandjiRetryPolicy.defaults(),
                KandjiSleeper.threadSleeper(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * @param config the checked configuration
     * @param retryPolicy how requests of a sync are retried
     * @param sleeper how the sync waits between retries
     * @param jitter uniform random numbers in [0, 1) for backoff jitter
     */
    public KandjiProvider(
            KandjiConfig config, KandjiRetryPolicy retryPolicy, KandjiSleeper sleeper, DoubleSupplier jitter) {
        this.config = config;
        this.client = new KandjiClient(config);
        this.retryPolicy = retryPolicy;
        this.sleeper = sleeper;
        this.jitter = jitter;
    }

    @Override
    public ValidationResult validate() {
        return new KandjiValidator(client).validate();
    }

    @Override
    public void fetch(FetchContext context, RecordSink sink) throws MdmException, InterruptedException {
        KandjiRequester requester = new KandjiRequester(client, retryPolicy, sleeper, jitter, context);
        new KandjiFetch(requester, normalizer, context, sink).run();
    }

    @Override
    public Normalization normalize(RawRecord record) {
        return normalizer.normalize(record);
    }

    @Override
    public Optional<WifiIpBinding> wifiIp(RawRecord record) {
        return normalizer.wifiIp(record);
    }

    @Override
    public void close() {
        client.close();
    }

    /** Leaves the token out. */
    @Override
    public String toString() {
        return "KandjiProvider[" + config + "]";
    }
}
