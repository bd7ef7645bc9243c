package com.pult.mdm.host.sync;

import com.pult.mdm.spi.MdmProviderFactory;

/** The fake vendor for tests outside this package: token {@value FakeVendor#GOOD_TOKEN}, a few devices. */
public final class FakeVendors {

    /** The token the fake vendor accepts. */
    public static final String GOOD_TOKEN = FakeVendor.GOOD_TOKEN;

    private FakeVendors() {}

    /** A vendor with {@code devices} devices {@code d0…}, serials {@code SER0…}, users {@code user0@acme.test…}. */
    public static MdmProviderFactory withDevices(int devices) {
        FakeVendor vendor = new FakeVendor();
        for (int i = 0; i < devices; i++) {
            vendor.put(
                    "d" + i,
                    "SER" + i,
                    "user" + i + "@acme.test",
                    String.format("a4:83:e7:00:%02x:%02x", i / 256, i % 256),
                    "10.0." + (i / 256) + "." + (i % 256 + 1),
                    "2024-07-08T14:00:00Z");
        }
        return vendor;
    }
}
