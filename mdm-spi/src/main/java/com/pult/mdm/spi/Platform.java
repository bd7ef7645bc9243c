package com.pult.mdm.spi;

/** The platform family of a device, as vendors group them. */
public enum Platform {
    MAC,
    IPHONE,
    IPAD,
    APPLE_TV,
    WINDOWS,
    ANDROID,
    /** A platform this SPI version does not name; the vendor's own word is in the device's model or name. */
    OTHER
}
