package com.pult.mdm.it.bench;

import com.pult.mdm.host.match.MatchIndex;
import com.pult.mdm.host.store.StoredDevice;
import java.time.Duration;
import java.util.List;

/** Prints the heap an index of 100,000 devices takes beyond the device records, per device. */
public final class IndexFootprint {

    private IndexFootprint() {}

    public static void main(String[] args) throws InterruptedException {
        List<StoredDevice> devices = MatchBenchmark.devices();
        long before = usedHeap();
        MatchIndex index = MatchIndex.build("bench", devices, Duration.ofHours(12));
        long after = usedHeap();
        System.out.printf(
                java.util.Locale.ROOT,
                "index footprint: %.0f bytes per indexed device (%,d devices;"
                        + " the device records themselves not counted)%n",
                (after - before) / (double) index.activeDevices(),
                index.activeDevices());
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
