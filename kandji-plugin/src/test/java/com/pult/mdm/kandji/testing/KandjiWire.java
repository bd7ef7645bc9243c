package com.pult.mdm.kandji.testing;

import com.pult.mdm.kandji.internal.KandjiProvider;
import com.pult.mdm.kandji.internal.api.KandjiRetryPolicy;
import com.pult.mdm.kandji.internal.config.KandjiConfig;
import java.net.URI;
import java.time.Duration;

/** Providers wired to a scripted server, with fast timeouts and recorded waits. */
public final class KandjiWire {

    /** A token in Kandji's format; tests assert it never leaks. */
    public static final String TOKEN = "5e1f2a3b-c4d5-4e6f-8a9b-0c1d2e3f4a5b";

    private KandjiWire() {}

    /** A provider with the default retry policy and a half-way jitter, waiting through {@code sleeper}. */
    public static KandjiProvider provider(String baseUrl, RecordingSleeper sleeper) {
        return provider(baseUrl, sleeper, KandjiRetryPolicy.defaults(), Duration.ofSeconds(5));
    }

    /** A provider with its own retry policy and read timeout. */
    public static KandjiProvider provider(
            String baseUrl, RecordingSleeper sleeper, KandjiRetryPolicy policy, Duration readTimeout) {
        KandjiConfig config = new KandjiConfig(URI.create(baseUrl), TOKEN, Duration.ofSeconds(2), readTimeout);
        return new KandjiProvider(config, policy, sleeper, () -> 0.5);
    }
}
