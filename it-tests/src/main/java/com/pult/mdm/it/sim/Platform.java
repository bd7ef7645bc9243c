package com.pult.mdm.it.sim;

import java.util.Locale;

/** Device platforms as Kandji spells them in the {@code platform} field ({@code AppleTV} has no space). */
public enum Platform {
    MAC("Mac"),
    IPHONE("iPhone"),
    IPAD("iPad"),
    APPLE_TV("AppleTV"),
    WINDOWS("Windows"),
    ANDROID("Android");

    private final String wireName;

    Platform(String wireName) {
        this.wireName = wireName;
    }

    /** The exact string used in the API ({@code Mac}, {@code iPhone}, ...). */
    public String wireName() {
        return wireName;
    }

    /** Whether the device is one of Apple's, i.e. whose details carry the Apple sections. */
    public boolean isApple() {
        return this != WINDOWS && this != ANDROID;
    }

    /** Parses the API spelling, case-insensitively, also accepting the enum constant name. */
    public static Platform fromWire(String value) {
        for (Platform p : values()) {
            if (p.wireName.equalsIgnoreCase(value) || p.name().equalsIgnoreCase(value)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown platform: " + value);
    }

    @Override
    public String toString() {
        return wireName.toLowerCase(Locale.ROOT);
    }
}
