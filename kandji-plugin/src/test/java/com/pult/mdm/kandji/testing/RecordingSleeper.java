package com.pult.mdm.kandji.testing;

import com.pult.mdm.kandji.internal.api.KandjiSleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Records the waits instead of sleeping, so retry tests run in milliseconds. */
public final class RecordingSleeper implements KandjiSleeper {

    public final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void sleep(Duration duration, BooleanSupplier cancelled) {
        waits.add(duration);
    }
}
