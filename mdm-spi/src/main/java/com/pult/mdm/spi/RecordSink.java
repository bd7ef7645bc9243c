package com.pult.mdm.spi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where {@link MdmProvider#fetch} delivers raw records. Implemented by the host; calls return quickly and never
 * throw for a bad record (the host rejects it and counts it).
 */
@ProviderType
public interface RecordSink {

    /** One device of the listing, a {@link RawRecord.Kind#DEVICE} record. */
    void device(RawRecord record);

    /**
     * The listing is complete: every device of the account was delivered through {@link #device}. The host
     * commits the listing atomically now, which makes serial matching available before any detail arrives.
     * Called at most once per fetch, before any {@link #detail}.
     */
    void listingComplete();

    /** Per-device detail, a {@link RawRecord.Kind#DETAIL} record; committed as it arrives. */
    void detail(RawRecord record);
}
