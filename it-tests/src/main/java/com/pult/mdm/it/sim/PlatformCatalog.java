package com.pult.mdm.it.sim;

import java.util.List;
import java.util.Random;

/** Per-platform models, OS versions, agents, blueprints and naming habits for generated devices. */
final class PlatformCatalog {
    private static final List<String[]> MAC_MODELS = List.of(
            new String[] {"MacBook Air (M1, 2020)", "MacBookAir10,1"},
            new String[] {"MacBook Air (M2, 2022)", "Mac14,2"},
            new String[] {"MacBook Pro (14-inch, 2023)", "Mac14,9"},
            new String[] {"MacBook Pro (16-inch, Nov 2023)", "Mac15,7"},
            new String[] {"iMac (24-inch, M1, 2021)", "iMac21,1"},
            new String[] {"Mac mini (M2, 2023)", "Mac14,3"});
    private static final List<String[]> IPHONE_MODELS = List.of(
            new String[] {"iPhone 11 Pro Max", "iPhone12,5"},
            new String[] {"iPhone 14 Pro", "iPhone15,2"},
            new String[] {"iPhone 15", "iPhone15,4"},
            new String[] {"iPhone SE (3rd generation)", "iPhone14,6"});
    private static final List<String[]> IPAD_MODELS = List.of(
            new String[] {"iPad (8th generation) (Wi-Fi)", "iPad11,6"},
            new String[] {"iPad Air (4th generation) Wi-Fi + Cellular", "iPad13,2"},
            new String[] {"iPad Pro (11-inch) (4th generation)", "iPad14,3"});
    private static final List<String[]> TV_MODELS = List.of(
            new String[] {"Apple TV 4K (2nd generation)", "AppleTV11,1"},
            new String[] {"Apple TV 4K (3rd generation)", "AppleTV14,1"});
    private static final List<String> WINDOWS_MODELS =
            List.of("Surface Laptop 6 for Business", "Latitude 7440", "ThinkPad X1 Carbon Gen 11");
    private static final List<String> ANDROID_MODELS = List.of("Pixel 9", "Pixel 8a", "Galaxy S24");
    private static final List<String[]> MACOS = List.of(
            new String[] {"14.4.1", "23E224"}, new String[] {"14.6.1", "23G93"}, new String[] {"15.1", "24B83"});
    private static final List<String[]> IOS = List.of(new String[] {"17.5.1", "21F90"}, new String[] {"18.1", "22B83"});

    private PlatformCatalog() {}

    /** Fills model, OS, agent, blueprint, name and hardware id for the device's platform. */
    static void fill(SimDevice d, SimUser owner, Random rnd) {
        String first = owner.name().split(" ")[0];
        switch (d.platform()) {
            case MAC:
                apple(d, pick(MAC_MODELS, rnd), pick(MACOS, rnd));
                boolean agent = rnd.nextInt(12) != 0;
                d.agent(agent, agent ? (rnd.nextBoolean() ? "4.5.9 (5160)" : "4.6.1 (5260)") : "");
                d.blueprint("ab102b9d-8e9c-420d-a498-f2a1123091c7", "main hive");
                d.deviceName(macName(d.model(), first, rnd));
                d.hardwareId(uuidHex(rnd));
                return;
            case IPHONE:
            case IPAD:
                mobile(d, first, rnd);
                return;
            case APPLE_TV:
                apple(d, pick(TV_MODELS, rnd), new String[] {"17.5", ""});
                d.user(null).blueprint("19218946-0760-444f-ad9d-92916a721450", "ATV - Basic");
                d.deviceName(String.format("CONF-ROOM-%02d", 1 + rnd.nextInt(60)))
                        .hardwareId(hex(rnd, 40, false));
                return;
            default:
                iru(d, first, rnd);
        }
    }

    private static void mobile(SimDevice d, String first, Random rnd) {
        boolean phone = d.platform() == Platform.IPHONE;
        apple(d, pick(phone ? IPHONE_MODELS : IPAD_MODELS, rnd), pick(IOS, rnd));
        d.blueprint("ac4aba12-d2e5-430a-b7aa-42d25f9e6ead", "Mobile Devices");
        String kind = phone ? "iPhone" : "iPad";
        d.deviceName(!phone && rnd.nextInt(3) == 0 ? "iPad" : first + "’s " + kind);
        d.hardwareId("00008030-" + hex(rnd, 16, false));
    }

    private static void iru(SimDevice d, String first, Random rnd) {
        d.blueprint("5f7b7e5e-3d9c-4e2c-9957-6a2b2c8e4d3a", "Main Blueprint");
        if (d.platform() == Platform.WINDOWS) {
            d.model(WINDOWS_MODELS.get(rnd.nextInt(WINDOWS_MODELS.size())));
            d.osVersion(rnd.nextBoolean() ? "24H2" : "23H2").agent(true, "1.0.00002.0002");
            d.deviceName("DESKTOP-" + hex(rnd, 7, true)).hardwareId(hex(rnd, 32, false));
            return;
        }
        String model = ANDROID_MODELS.get(rnd.nextInt(ANDROID_MODELS.size()));
        d.model(model).osVersion(rnd.nextBoolean() ? "15" : "14").agent(false, "");
        d.deviceName(rnd.nextBoolean() ? model : first + "’s " + model);
        d.hardwareId(String.format("%016d", Math.abs(rnd.nextLong() % 10_000_000_000_000_000L)));
    }

    private static void apple(SimDevice d, String[] model, String[] os) {
        d.model(model[0]).modelIdentifier(model[1]).osVersion(os[0]).buildVersion(os[1]);
    }

    /** Mostly possessive names with the typographic apostrophe, like macOS proposes; some asset-style names. */
    private static String macName(String model, String first, Random rnd) {
        int paren = model.indexOf(" (");
        String family = paren < 0 ? model : model.substring(0, paren);
        if (rnd.nextInt(8) == 0) {
            return String.format("NYC-MBP-%04d", rnd.nextInt(10_000));
        }
        return first + "’s " + family;
    }

    private static <T> T pick(List<T> list, Random rnd) {
        return list.get(rnd.nextInt(list.size()));
    }

    private static String uuidHex(Random rnd) {
        String h = hex(rnd, 32, true);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20);
    }

    private static String hex(Random rnd, int digits, boolean upper) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < digits; i++) {
            char c = Character.forDigit(rnd.nextInt(16), 16);
            sb.append(upper ? Character.toUpperCase(c) : c);
        }
        return sb.toString();
    }
}
