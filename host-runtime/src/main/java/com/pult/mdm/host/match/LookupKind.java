package com.pult.mdm.host.match;

/** What a lookup started from, and for WiFi attribution which key found the device. */
public enum LookupKind {
    SERIAL,
    /** A hardware MAC an MDM reported. */
    MAC,
    /** A MAC an admin listed for a user (a manual device), the only way a private address is matched by MAC. */
    ALIAS,
    /** A WiFi IP address the MDM bound to the device within the freshness window. */
    IP
}
