package com.pult.mdm.kandji.internal.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.pult.mdm.kandji.testing.KandjiSamples;
import com.pult.mdm.spi.DeviceDetail;
import com.pult.mdm.spi.MacAddress;
import com.pult.mdm.spi.Normalization;
import com.pult.mdm.spi.RawRecord;
import com.pult.mdm.spi.WifiIpBinding;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every details response in the samples: device id, WiFi MAC, latest check-in and WiFi IP. */
class KandjiDetailSamplesTest {

    private final KandjiNormalizer normalizer = new KandjiNormalizer();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            nullValues = "-",
            value = {
                // file, device id, MAC, latest check-in, WiFi IP
                "official-docs/device_details_mac.json, 03f81208-2b6a-4a77-81f5-cf1633bcfb95, 00:00:5e:00:53:01,"
                        + " 2024-07-23T14:26:49.166267Z, 192.168.1.76",
                "official-docs/device_details_ipad.json, 0389e9cb-a512-46b9-a743-a8d41551ad15, 00:00:5e:00:53:02,"
                        + " 2024-07-23T03:01:21.466190Z, -",
                "official-docs/device_details_appletv.json, f25a87de-61e8-4ab2-9032-02f6678914a1, -,"
                        + " 2022-11-04T17:56:23.766105Z, -",
                "official-docs/device_details_ipad_lost_mode.json, 4820db3b-dec7-40b2-9c8f-eb771ac1a250, -,"
                        + " 2022-12-13T20:21:38.903804Z, -",
                "official-docs-iru-2026/device_details_windows.json, 3de7b283-1a44-47ef-bde1-2f556a8a32f7, -,"
                        + " 2025-10-09T21:56:53.569715Z, 10.10.0.2",
                "official-docs-iru-2026/device_details_android.json, f3d1c9a7-8b6b-4e64-9c2e-2af1c028b4e5,"
                        + " 00:00:5e:00:53:04, -, -",
            })
    void officialDetailsAreNormalized(String file, String deviceId, String mac, String checkIn, String ip) {
        assertDetail(KandjiSamples.text(file), "requested-id", deviceId, mac, checkIn, ip);
    }

    @ParameterizedTest(name = "recorded live Mac details")
    @CsvSource("d7532562-0fbd-47f5-9609-e41759bf01ef, 00:00:5e:00:53:03, 2022-09-19T12:39:26.039998Z, 192.168.111.197")
    void recordedLiveMacDetailsAreNormalized(String deviceId, String mac, String checkIn, String ip) {
        String body = KandjiSamples.recordedBody("recorded-live/jupiterone_device_details_mac_2023.json");

        assertDetail(body, "requested-id", deviceId, mac, checkIn, ip);
    }

    @ParameterizedTest(name = "Mondoo synthetic details without general.device_id")
    @CsvSource(nullValues = "-", value = "d1, 00:00:5e:00:53:ff, -, -")
    void detailsWithoutDeviceIdTakeTheRequestedIdAndWithoutCheckInHaveNoIpBinding(
            String deviceId, String mac, String checkIn, String ip) {
        String body = KandjiSamples.member("synthetic/mondoo_iru_client_fixtures.json", "/api/v1/devices/d1/details");

        // The body reports 10.0.0.5 but no check-in time, so there is no time to say the IP was observed at.
        assertDetail(body, "d1", deviceId, mac, checkIn, ip);
    }

    private void assertDetail(String body, String requestedId, String deviceId, String mac, String checkIn, String ip) {
        RawRecord record = new RawRecord(RawRecord.Kind.DETAIL, requestedId, body, Instant.EPOCH);

        Normalization result = normalizer.normalize(record);

        DeviceDetail detail = assertInstanceOf(Normalization.Detail.class, result, () -> "got " + result)
                .detail();
        assertEquals(deviceId, detail.deviceId());
        assertEquals(Optional.ofNullable(mac).map(MacAddress::parse), detail.wifiMac());
        assertEquals(Optional.ofNullable(checkIn).map(Instant::parse), detail.lastCheckIn());
        Optional<WifiIpBinding> expectedIp =
                Optional.ofNullable(ip).map(address -> new WifiIpBinding(address, Instant.parse(checkIn)));
        assertEquals(expectedIp, normalizer.wifiIp(record));
    }
}
