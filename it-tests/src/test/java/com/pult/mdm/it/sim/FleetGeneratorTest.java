package com.pult.mdm.it.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generated fleet: deterministic per seed and with the realistic mix a sync must cope with. */
class FleetGeneratorTest {
    private static final Fleet FLEET = Fleet.generated(1000, 42);

    @Test
    void sameSeedAndSizeGiveIdenticalFleets() {
        assertEquals(
                FleetFixtures.write(Fleet.generated(300, 99).devices()),
                FleetFixtures.write(Fleet.generated(300, 99).devices()));
    }

    @Test
    void differentSeedsGiveDifferentFleets() {
        assertNotEquals(
                FleetFixtures.write(Fleet.generated(50, 1).devices()),
                FleetFixtures.write(Fleet.generated(50, 2).devices()));
    }

    @Test
    void realisticMixIsPresentInAThousandDevices() {
        FleetSummary s = FLEET.summary();
        assertEquals(1000, s.total());
        for (Platform p : Platform.values()) {
            assertTrue(s.byPlatform().getOrDefault(p, 0) > 0, "no " + p);
        }
        assertTrue(s.byPlatform().get(Platform.MAC) > 500);
        assertTrue(s.unassigned() >= 50 && s.unassigned() <= 60, "unassigned " + s.unassigned());
        assertTrue(s.archivedUser() >= 30);
        assertEquals(30, s.mdmDisabled());
        assertEquals(10, s.erased());
        assertEquals(20, s.sharedSerialDevices());
        assertTrue(s.neverCheckedIn() > 0 && s.legacyUserIds() > 0 && s.nonAsciiNames() > 100);
        assertTrue(s.eligible() < s.assigned() && s.eligible() > 850);
    }

    @Test
    void aboutThreePercentOfNetworkedAppleDevicesHaveNoMac() {
        long missing = FLEET.devices().stream()
                .filter(d -> d.platform() == Platform.MAC
                        || d.platform() == Platform.IPHONE
                        || d.platform() == Platform.IPAD)
                .filter(d -> !d.erased() && d.macAddress().isEmpty())
                .count();
        assertEquals(30, missing);
    }

    @Test
    void macsAreGloballyAdministeredUnicastAndUniqueExceptReenrolledTwins() {
        Map<String, String> serialByMac = new HashMap<>();
        for (SimDevice d : FLEET.devices()) {
            if (d.macAddress().isEmpty()) {
                continue;
            }
            String mac = d.macAddress().get();
            assertTrue(mac.matches("([0-9a-f]{2}:){5}[0-9a-f]{2}"), mac);
            assertEquals(0, Integer.parseInt(mac.substring(0, 2), 16) & 0x03, mac);
            String previous = serialByMac.putIfAbsent(mac, d.serialNumber());
            assertTrue(previous == null || previous.equals(d.serialNumber()), "MAC shared across hardware " + mac);
        }
    }

    @Test
    void reenrolledTwinsShareSerialButDifferInIdAndCheckIn() {
        Map<String, SimDevice> bySerial = new HashMap<>();
        int twins = 0;
        for (SimDevice d : FLEET.devices()) {
            if (FleetSummary.isBlankSerial(d.serialNumber())) {
                continue;
            }
            SimDevice other = bySerial.putIfAbsent(d.serialNumber(), d);
            if (other != null) {
                twins++;
                assertNotEquals(other.deviceId(), d.deviceId());
                assertNotEquals(other.lastCheckIn(), d.lastCheckIn());
            }
        }
        assertEquals(10, twins);
    }

    @Test
    void erasedDevicesHaveBlankModelAndBlankOrPlaceholderSerial() {
        List<SimDevice> erased =
                FLEET.devices().stream().filter(SimDevice::erased).toList();
        assertEquals(10, erased.size());
        erased.forEach(d -> {
            assertEquals("", d.model());
            assertTrue(Set.of("", "Not Available").contains(d.serialNumber()));
        });
    }

    @Test
    void ownerEmailsAreFirstDotLastAtExampleComSometimesMixedCase() {
        long mixed = FLEET.devices().stream()
                .flatMap(d -> d.user().stream())
                .peek(u -> assertTrue(u.email().matches("(?i)[a-z]+\\.[a-z]+\\d*@example\\.com"), u.email()))
                .filter(u -> !u.email().equals(u.email().toLowerCase()))
                .count();
        assertTrue(mixed > 0);
    }

    @Test
    void wifiAddressesAreInTenSlashEight() {
        FLEET.devices().stream()
                .filter(d -> !d.erased())
                .forEach(d -> assertTrue(d.ipAddress().matches("10\\.\\d+\\.\\d+\\.\\d+"), d.ipAddress()));
    }

    @Test
    void exportedFleetReadsBackAsAnEqualFixture() {
        List<SimDevice> back = FleetFixtures.read(FleetFixtures.write(FLEET.devices()));
        assertEquals(FleetFixtures.write(FLEET.devices()), FleetFixtures.write(back));
    }
}
