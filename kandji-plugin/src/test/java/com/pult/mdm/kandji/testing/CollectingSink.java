package com.pult.mdm.kandji.testing;

import com.pult.mdm.spi.RawRecord;
import com.pult.mdm.spi.RecordSink;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a fetch delivered, and the order of the calls. */
public final class CollectingSink implements RecordSink {

    public final List<RawRecord> devices = new ArrayList<>();
    public final List<RawRecord> details = new ArrayList<>();
    public final List<String> calls = new ArrayList<>();
    public int listingCompleted;

    @Override
    public void device(RawRecord record) {
        devices.add(record);
        calls.add("device");
    }

    @Override
    public void listingComplete() {
        listingCompleted++;
        calls.add("listingComplete");
    }

    @Override
    public void detail(RawRecord record) {
        details.add(record);
        calls.add("detail");
    }

    /** The ids of the delivered details, in order. */
    public List<String> detailIds() {
        return details.stream().map(RawRecord::deviceId).toList();
    }
}
