package com.pult.mdm.host.presence;

import static com.pult.mdm.host.match.HostFixture.NOW;
import static com.pult.mdm.host.match.HostFixture.ORG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.host.match.HostFixtureBase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WifiInspectorTest extends HostFixtureBase {

    @BeforeEach
    void open() throws Exception {
        host.users("ana.lima@example.com");
        host.device("d1")
                .serial("FAKESN00030")
                .wifiMac("00:00:5e:00:53:30")
                .email("ana.lima@example.com")
                .save();
        host.device("d2")
                .serial("FAKESN00031")
                .wifiMac("00:00:5e:00:53:31")
                .email("bo.chen@example.com")
                .save();
        host.device("d3")
                .serial("FAKESN00032")
                .email("ana.lima@example.com")
                .gone(NOW)
                .save();
        host.manual.save(ORG, "ana.lima@example.com, 00:00:5e:00:53:40\n");
    }

    private void sighting(String mac, Duration ago) throws Exception {
        host.presence.record(
                ORG,
                WifiBatch.of(List.of(new WifiObservation(
                        mac, null, "Office", "AP-1", NOW.minus(ago).toString(), null))));
    }

    @Test
    void theSummaryCountsDevicesRecentClientsAndMatchedClients() throws Exception {
        sighting("00:00:5e:00:53:30", Duration.ofMinutes(1));
        sighting("00:00:5e:00:53:30", Duration.ofMinutes(2));
        sighting("00:00:5e:00:53:99", Duration.ofMinutes(3));
        sighting("00:00:5e:00:53:31", Duration.ofMinutes(30));

        InspectorSummary summary = host.inspector.summary(ORG);

        assertEquals(2, summary.mdmDevices());
        assertEquals(1, summary.manualDevices());
        assertEquals(2, summary.wifiClients());
        assertEquals(1, summary.matchedClients());
        assertEquals(Duration.ofMinutes(15), summary.window());
    }

    @Test
    void theTableShowsWhetherEachDeviceResolvesAndWasSeenOnWifi() throws Exception {
        sighting("00:00:5e:00:53:30", Duration.ofMinutes(1));

        List<DeviceRow> rows = host.inspector.devices(ORG, "", 0, 50).items();

        assertEquals(
                List.of("manual:00:00:5e:00:53:40", "d1", "d2"),
                rows.stream().map(DeviceRow::deviceId).toList());
        assertTrue(rows.get(1).resolvesToUser());
        assertTrue(rows.get(1).seenOnWifi());
        assertFalse(rows.get(0).seenOnWifi());
        assertFalse(rows.get(2).resolvesToUser());
    }

    @Test
    void theTableIsSearchableByEmailSerialAndAnySpellingOfAMac() throws Exception {
        assertEquals(2, host.inspector.devices(ORG, "ANA.LIMA", 0, 50).total());
        assertEquals(
                "d2",
                host.inspector.devices(ORG, "fakesn00031", 0, 50).items().get(0).deviceId());
        assertEquals(
                "d2",
                host.inspector
                        .devices(ORG, "0000.5E00.5331", 0, 50)
                        .items()
                        .get(0)
                        .deviceId());
        assertEquals(
                "d2",
                host.inspector
                        .devices(ORG, "00-00-5e-00-53-31", 0, 50)
                        .items()
                        .get(0)
                        .deviceId());
        assertEquals(0, host.inspector.devices(ORG, "nobody", 0, 50).total());
    }

    @Test
    void theTableIsPaged() throws Exception {
        Page<DeviceRow> second = host.inspector.devices(ORG, null, 1, 2);

        assertEquals(3, second.total());
        assertEquals(
                List.of("d2"), second.items().stream().map(DeviceRow::deviceId).toList());
    }
}
