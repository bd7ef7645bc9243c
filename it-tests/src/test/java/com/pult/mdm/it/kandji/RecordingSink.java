package com.pult.mdm.it.kandji;

import com.pult.mdm.spi.RawRecord;
import com.pult.mdm.spi.RecordSink;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Keeps what a fetch delivered, in order. Hooks let a test act at a precise point of the fetch (after the n-th
 * device, once the listing is complete), such as revoking the token or arming a fault for the next page.
 */
final class RecordingSink implements RecordSink {

    private final List<RawRecord> devices = new ArrayList<>();
    private final List<RawRecord> details = new ArrayList<>();
    private int listingCompletions;
    private IntConsumer afterDevice = count -> {};
    private Runnable afterListing = () -> {};

    /** Runs {@code hook} with the number of devices delivered so far, after each one. */
    RecordingSink afterDevice(IntConsumer hook) {
        afterDevice = hook;
        return this;
    }

    /** Runs {@code hook} once the provider called {@link #listingComplete()}. */
    RecordingSink afterListing(Runnable hook) {
        afterListing = hook;
        return this;
    }

    @Override
    public synchronized void device(RawRecord record) {
        devices.add(record);
        afterDevice.accept(devices.size());
    }

    @Override
    public void listingComplete() {
        synchronized (this) {
            listingCompletions++;
        }
        afterListing.run();
    }

    @Override
    public synchronized void detail(RawRecord record) {
        details.add(record);
    }

    synchronized List<RawRecord> devices() {
        return List.copyOf(devices);
    }

    synchronized List<RawRecord> details() {
        return List.copyOf(details);
    }

    synchronized int listingCompletions() {
        return listingCompletions;
    }

    /** The distinct device ids of the listing, in delivery order. */
    synchronized Set<String> deviceIds() {
        Set<String> ids = new LinkedHashSet<>();
        devices.forEach(record -> ids.add(record.deviceId()));
        return ids;
    }

    /** The device ids whose details were delivered. */
    synchronized Set<String> detailIds() {
        Set<String> ids = new LinkedHashSet<>();
        details.forEach(record -> ids.add(record.deviceId()));
        return ids;
    }
}
