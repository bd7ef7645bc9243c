package com.pult.mdm.it.demo;

import com.pult.mdm.it.sim.Fleet;
import com.pult.mdm.it.sim.SimDevice;
import com.pult.mdm.it.sim.SimUser;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * What the demo feeds the host besides the MDM: the company's Pult users, a desktop agent enrolling, and one
 * WiFi controller poll. Built from the simulated fleet, so every figure can be checked against it.
 */
final class DemoScenario {

    private final Fleet fleet;
    private final Random random;

    DemoScenario(Fleet fleet, long seed) {
        this.fleet = fleet;
        this.random = new Random(seed);
    }

    /**
     * The company's Pult users as CSV: the owners of the fleet's devices, except one in twenty, who never joined
     * Pult (their devices show "email not a Pult user"). Emails are written in lower case, while Kandji may spell
     * them differently: they still match, since emails are compared ignoring case.
     */
    String usersCsv() {
        Set<String> emails = new LinkedHashSet<>();
        for (SimDevice device : fleet.devices()) {
            device.user().map(SimUser::email).filter(email -> !email.isBlank()).ifPresent(emails::add);
        }
        StringBuilder csv = new StringBuilder("email,name\n");
        int index = 0;
        for (String email : emails) {
            if (index++ % 20 != 7) {
                csv.append(email.toLowerCase(Locale.ROOT))
                        .append(',')
                        .append(nameOf(email))
                        .append('\n');
            }
        }
        return csv.toString();
    }

    private static String nameOf(String email) {
        String local = email.substring(0, email.indexOf('@')).replace('.', ' ');
        return "\"" + local + "\"";
    }

    /** A device with a serial and an assigned user, for the enrolment request. */
    Optional<SimDevice> enrollingDevice() {
        return fleet.devices().stream()
                .filter(device -> device.user().isPresent() && device.mdmEnabled() && !device.erased())
                .filter(device ->
                        !device.user().get().archived() && device.serialNumber().length() > 5)
                .skip(fleet.size() / 3)
                .findFirst();
    }

    /**
     * One controller poll as JSON lines would carry it: clients with MDM MACs spelled the ways controllers spell
     * them, a few private (randomized) addresses, and one line with a malformed MAC.
     */
    List<String[]> wifiClients(int known, int randomized, Instant seenAt) {
        String at = DateTimeFormatter.ISO_INSTANT.format(seenAt);
        List<String[]> clients = new ArrayList<>();
        fleet.devices().stream()
                .filter(device -> device.macAddress().isPresent())
                .limit(known)
                .forEach(device ->
                        clients.add(new String[] {spell(device.macAddress().get()), device.ipAddress(), at}));
        for (int i = 0; i < randomized; i++) {
            clients.add(new String[] {privateMac(), "10.99.0." + (i + 1), at});
        }
        clients.add(new String[] {"00:00:5e:00:53", "10.99.1.1", at});
        return clients;
    }

    private String spell(String mac) {
        return switch (random.nextInt(3)) {
            case 0 -> mac.toUpperCase(Locale.ROOT).replace(':', '-');
            case 1 -> ciscoDotted(mac);
            default -> mac;
        };
    }

    private static String ciscoDotted(String mac) {
        String hex = mac.replace(":", "");
        return hex.substring(0, 4) + "." + hex.substring(4, 8) + "." + hex.substring(8);
    }

    private String privateMac() {
        StringBuilder mac = new StringBuilder(String.format(Locale.ROOT, "%02x", (random.nextInt(64) << 2) | 0x02));
        for (int i = 0; i < 5; i++) {
            mac.append(String.format(Locale.ROOT, ":%02x", random.nextInt(256)));
        }
        return mac.toString();
    }
}
