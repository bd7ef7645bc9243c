package com.pult.mdm.host.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.host.store.StoredDevice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MatchIndexTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    static StoredDevice device(String id, String serial, String mac, String checkIn) {
        return device("i1", id, serial, mac, List.of(), null, null, checkIn, null);
    }

    static StoredDevice device(
            String integration,
            String id,
            String serial,
            String mac,
            List<String> otherMacs,
            String ip,
            Instant ipSeen,
            String checkIn,
            Instant gone) {
        return new StoredDevice(
                integration,
                "acme",
                id,
                Optional.ofNullable(serial),
                Optional.ofNullable(mac),
                otherMacs,
                id + "@example.com",
                "",
                "Device " + id,
                "Model",
                "1",
                "MAC",
                Optional.ofNullable(checkIn).map(Instant::parse),
                NOW,
                gone == null ? 0 : 2,
                Optional.ofNullable(gone),
                Optional.ofNullable(ip),
                Optional.ofNullable(ipSeen),
                Optional.empty());
    }

    private static MatchIndex index(StoredDevice... devices) {
        return MatchIndex.build("acme", List.of(devices), Duration.ofHours(12));
    }

    @Test
    void reEnrolledDevicesSharingASerialResolveToTheLatestCheckIn() {
        MatchIndex index = index(
                device("old", "SN1", null, "2026-01-01T00:00:00Z"), device("new", "SN1", null, "2026-12-01T00:00:00Z"));

        DeviceMatch match = index.bySerial(" sn1 ");

        assertEquals("new", match.device().orElseThrow().deviceId());
        assertEquals(1, index.conflicts().size());
        assertEquals("old", index.conflicts().get(0).others().get(0).deviceId());
    }

    @Test
    void aMacOnSeveralDevicesIsAmbiguousAndNeverMatched() {
        MatchIndex index =
                index(device("a", "SN1", "00:00:5e:00:53:01", null), device("b", "SN2", "00:00:5e:00:53:01", null));

        assertEquals(MatchReason.AMBIGUOUS_MAC, index.byMac("00:00:5E:00:53:01").reason());
        assertEquals("mac", index.conflicts().get(0).kind());
    }

    @Test
    void everySpellingOfAMacFindsTheDevice() {
        MatchIndex index = index(device("a", "SN1", "00:00:5e:00:53:1f", null));

        for (String spelling : List.of("00:00:5E:00:53:1F", "00-00-5e-00-53-1f", "0000.5e00.531f", "00005E00531F")) {
            assertTrue(index.byMac(spelling).matched(), spelling);
        }
    }

    @Test
    void aRandomizedMacIsNeverMatchedByMac() {
        MatchIndex index = index(device("a", "SN1", "00:00:5e:00:53:30", null));

        DeviceMatch match = index.byMac("7a:4c:11:20:9e:01");

        assertEquals(MatchReason.RANDOMIZED_MAC, match.reason());
        assertTrue(match.device().isEmpty());
    }

    @Test
    void aGoneDeviceExplainsTheMiss() {
        MatchIndex index = index(device("i1", "a", "SN1", "00:00:5e:00:53:01", List.of(), null, null, null, NOW));

        assertEquals(MatchReason.DEVICE_GONE, index.bySerial("SN1").reason());
        assertEquals(MatchReason.DEVICE_GONE, index.byMac("00:00:5e:00:53:01").reason());
        assertEquals(0, index.activeDevices());
    }

    @Test
    void aLaptopWithTwoInterfacesIsOneDeviceForBothMacs() {
        MatchIndex index = index(device(
                "i1",
                "laptop",
                "FAKESN00110",
                "00:00:5e:00:53:41",
                List.of("00:00:5e:00:53:40"),
                null,
                null,
                null,
                null));

        assertEquals(
                "FAKESN00110",
                index.byMac("00:00:5e:00:53:40").device().orElseThrow().serial().orElseThrow());
        assertEquals(
                "FAKESN00110",
                index.byMac("00-00-5E-00-53-41").device().orElseThrow().serial().orElseThrow());
        assertEquals(1, index.activeDevices());
    }

    @Test
    void theNewestIpBindingWinsAndAStaleOneNeverMatches() {
        MatchIndex index = index(
                device("i1", "a", "SN1", null, List.of(), "10.0.0.7", NOW.minus(Duration.ofHours(3)), null, null),
                device("i1", "b", "SN2", null, List.of(), "10.0.0.7", NOW.minus(Duration.ofHours(1)), null, null),
                device("i1", "c", "SN3", null, List.of(), "10.0.0.9", NOW.minus(Duration.ofDays(2)), null, null));

        assertEquals("b", index.byIp("10.0.0.7", NOW).device().orElseThrow().deviceId());
        assertEquals(MatchReason.IP_BINDING_STALE, index.byIp("10.0.0.9", NOW).reason());
        assertEquals(MatchReason.UNKNOWN_IP, index.byIp("10.0.0.10", NOW).reason());
    }

    @Test
    void placeholderSerialsAreNotLookedUp() {
        MatchIndex index = index(device("a", null, null, null), device("b", null, null, null));

        assertEquals(MatchReason.INVALID_INPUT, index.bySerial("Not Available").reason());
        assertEquals(2, index.activeDevices());
    }

    @Test
    void theIndexHoldsManyDevices() {
        List<StoredDevice> devices = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            devices.add(device("d" + i, "SN" + i, String.format("00:00:5e:%02x:%02x:01", i >> 8, i & 0xff), null));
        }
        MatchIndex index = MatchIndex.build("acme", devices, Duration.ofHours(12));

        assertEquals(
                "d4321",
                index.byMac(String.format("00:00:5e:%02x:%02x:01", 4321 >> 8, 4321 & 0xff))
                        .device()
                        .orElseThrow()
                        .deviceId());
        assertEquals(5000, index.activeDevices());
    }
}
