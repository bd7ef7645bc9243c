package com.pult.mdm.kandji.internal.normalize;

import com.pult.mdm.spi.Platform;
import java.util.Locale;
import java.util.Map;

/** Maps Kandji's platform words to the SPI's platform families. */
final class KandjiPlatforms {

    // The device list says "AppleTV"; other Kandji endpoints say "tvOS" or "Apple TV" for the same family.
    private static final Map<String, Platform> BY_WORD = Map.of(
            "mac", Platform.MAC,
            "iphone", Platform.IPHONE,
            "ipad", Platform.IPAD,
            "appletv", Platform.APPLE_TV,
            "apple tv", Platform.APPLE_TV,
            "tvos", Platform.APPLE_TV,
            "windows", Platform.WINDOWS,
            "android", Platform.ANDROID);

    private KandjiPlatforms() {}

    /** The platform family, or {@link Platform#OTHER} for a word this version does not know. */
    static Platform of(String word) {
        return BY_WORD.getOrDefault(word.strip().toLowerCase(Locale.ROOT), Platform.OTHER);
    }
}
