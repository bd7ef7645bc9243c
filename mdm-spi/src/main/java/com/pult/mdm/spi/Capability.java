package com.pult.mdm.spi;

/** What a vendor can deliver beyond serial number, WiFi MAC and assigned user. */
public enum Capability {
    /** The device's current WiFi IP address, through {@link WifiIpExtension}. */
    WIFI_IP,
    /** The MAC and IP need one request per device, delivered after the listing as detail records. */
    DETAILS_PER_DEVICE
}
