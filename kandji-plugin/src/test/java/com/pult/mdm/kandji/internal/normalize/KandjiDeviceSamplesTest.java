package com.pult.mdm.kandji.internal.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.pult.mdm.kandji.internal.api.KandjiDataException;
import com.pult.mdm.kandji.internal.api.KandjiJson;
import com.pult.mdm.kandji.internal.api.dto.KandjiListingPage;
import com.pult.mdm.kandji.testing.KandjiSamples;
import com.pult.mdm.spi.MdmDevice;
import com.pult.mdm.spi.Normalization;
import com.pult.mdm.spi.Platform;
import com.pult.mdm.spi.RawRecord;
import com.pult.mdm.spi.RejectReason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every device row in the samples (list rows, get rows, recorded live, synthetic), normalized. */
class KandjiDeviceSamplesTest {

    private static final String ADMIN_ID = "5344c996-8823-4b37-8d6e-8515fc7c3a0a";
    private final KandjiNormalizer normalizer = new KandjiNormalizer();

    @Test
    void listOfMacsGivesTwoDevicesWithTheirUserSerialAndCheckIn() throws Exception {
        List<Normalization> results = listing(KandjiSamples.text("official-docs/list_devices_mac.json"));

        assertEquals(2, results.size());
        MdmDevice first = device(results.get(0));
        assertEquals("03f81208-2b6a-4a77-81f5-cf1633bcfb95", first.deviceId());
        assertEquals("FAKESN000001", first.serial().orElseThrow().value());
        assertTrue(first.wifiMac().isEmpty(), "listing rows carry no MAC");
        assertEquals("admin.user@example.com", first.user().email().value());
        assertEquals("Example Admin", first.user().name());
        assertEquals(ADMIN_ID, first.user().vendorUserId());
        assertFalse(first.user().archived());
        assertTrue(first.mdmEnabled());
        assertEquals("example's MacBook Air", first.name());
        assertEquals("MacBook Air (M1, 2020)", first.model());
        assertEquals("14.4.1", first.osVersion());
        assertEquals(Platform.MAC, first.platform());
        assertEquals(Optional.of(Instant.parse("2024-07-23T14:11:37.150080Z")), first.lastCheckIn());

        MdmDevice second = device(results.get(1));
        assertEquals("d6ac2d8c-3852-4dc1-afe7-d5a32306ee39", second.deviceId());
        assertEquals("FAKESN0002", second.serial().orElseThrow().value());
        assertEquals("Virtual Machine", second.model());
        assertEquals(Optional.of(Instant.parse("2023-12-24T22:00:00.756187Z")), second.lastCheckIn());
    }

    @Test
    void iPhoneWithEmptyStringUserIsRejectedAsUnassigned() throws Exception {
        Normalization result =
                single(listing(KandjiSamples.text("official-docs/list_devices_iphone_user_empty_string.json")));

        assertRejected(result, "1db874b1-f480-4974-8f2b-c3abf972824e", RejectReason.NO_ASSIGNED_USER);
    }

    @Test
    void iPadWithEmptyStringUserIsRejectedAsUnassigned() throws Exception {
        Normalization result =
                single(listing(KandjiSamples.text("official-docs/list_devices_ipad_user_empty_string.json")));

        assertRejected(result, "4820db3b-dec7-40b2-9c8f-eb771ac1a250", RejectReason.NO_ASSIGNED_USER);
    }

    @Test
    void serialQueryShownAsSingleObjectIsReadAsPageOfOne() throws Exception {
        KandjiListingPage page = KandjiListingPage.parse(
                KandjiSamples.text("official-docs/list_devices_by_serial_DOC_SHOWS_OBJECT.json"));

        assertEquals(1, page.size());
        MdmDevice device = device(normalizeRow(page.rows().get(0)));
        assertEquals("03f81208-2b6a-4a77-81f5-cf1633bcfb95", device.deviceId());
        assertEquals("FAKESN000001", device.serial().orElseThrow().value());
        assertEquals("admin.user@example.com", device.user().email().value());
    }

    @Test
    void getMacRowIsNormalizedLikeAListRow() {
        MdmDevice device = device(normalizeDevice(KandjiSamples.text("official-docs/get_device_mac.json")));

        assertEquals("fc60decb-30cb-4db1-b3ec-2fa8ea1b83ed", device.deviceId());
        assertEquals("AAAAAAAA", device.serial().orElseThrow().value());
        assertEquals("admin.user@example.com", device.user().email().value());
        assertEquals(Platform.MAC, device.platform());
        assertEquals("13.4", device.osVersion());
        assertEquals(Optional.of(Instant.parse("2021-03-30T17:46:31.864498Z")), device.lastCheckIn());
    }

    @Test
    void getIpadWithEmptyLastCheckInHasNeverCheckedIn() {
        MdmDevice device =
                device(normalizeDevice(KandjiSamples.text("official-docs/get_device_ipad_last_check_in_empty.json")));

        assertEquals("9b534c11-a7e3-4f34-bceb-c674941622d7", device.deviceId());
        assertEquals("AAAAAAAAAAAA", device.serial().orElseThrow().value());
        assertEquals(Platform.IPAD, device.platform());
        assertEquals("iPad Air (4th generation) Wi-Fi + Cellular", device.model());
        assertTrue(device.lastCheckIn().isEmpty());
    }

    @Test
    void patchResponseWithClearedUserIsRejectedAsUnassigned() {
        Normalization result =
                normalizeDevice(KandjiSamples.text("official-docs/update_device_clear_user_response.json"));

        assertRejected(result, "bd4eb679-d679-4071-a395-5855807b6829", RejectReason.NO_ASSIGNED_USER);
    }

    @Test
    void windowsRowFromIruCollectionIsAWindowsDevice() {
        MdmDevice device =
                device(normalizeDevice(KandjiSamples.text("official-docs-iru-2026/get_device_windows.json")));

        assertEquals("3de7b283-1a44-47ef-bde1-2f556a8a32f7", device.deviceId());
        assertEquals("FAKESN00000009", device.serial().orElseThrow().value());
        assertEquals(Platform.WINDOWS, device.platform());
        assertEquals("24H2", device.osVersion());
        assertEquals("Surface Laptop 6 for Business", device.model());
        assertEquals(Optional.of(Instant.parse("2025-10-09T21:54:41.334113Z")), device.lastCheckIn());
    }

    @Test
    void androidRowFromIruCollectionIsAnAndroidDevice() {
        MdmDevice device =
                device(normalizeDevice(KandjiSamples.text("official-docs-iru-2026/get_device_android.json")));

        assertEquals("f3d1c9a7-8b6b-4e64-9c2e-2af1c028b4e5", device.deviceId());
        assertEquals("FAKESN00000010", device.serial().orElseThrow().value());
        assertEquals(Platform.ANDROID, device.platform());
        assertEquals("15", device.osVersion());
        assertEquals("admin.user@example.com", device.user().email().value());
        assertEquals(Optional.of(Instant.parse("2025-10-09T23:36:34.108Z")), device.lastCheckIn());
    }

    @Test
    void recordedLiveRowWithIntegerUserIdAndRedactedSerialIsAcceptedWithoutSerial() throws Exception {
        String body = KandjiSamples.recordedBody("recorded-live/jupiterone_list_devices_page1_2023.json");

        MdmDevice device = device(single(listing(body)));

        assertEquals("d7532562-0fbd-47f5-9609-e41759bf01ef", device.deviceId());
        assertTrue(device.serial().isEmpty(), "[REDACTED] is a placeholder, not a serial");
        assertEquals("jane.doe@example.com", device.user().email().value());
        assertEquals("1", device.user().vendorUserId());
        assertEquals("Jane Doe", device.user().name());
        assertEquals(Platform.MAC, device.platform());
        assertEquals(Optional.of(Instant.parse("2022-09-19T12:39:21.576048Z")), device.lastCheckIn());
    }

    @Test
    void recordedLivePagePastTheEndIsAnEmptyPage() throws Exception {
        String body = KandjiSamples.recordedBody("recorded-live/jupiterone_list_devices_page2_empty_2023.json");

        assertEquals(0, KandjiListingPage.parse(body).size());
    }

    @Test
    void recordedLive2022RowWithEmptyStringUserIsRejectedAsUnassigned() throws Exception {
        String body = KandjiSamples.recordedBody("recorded-live/jupiterone_list_devices_user_empty_string_2022.json");

        assertRejected(single(listing(body)), "d7532562-0fbd-47f5-9609-e41759bf01ef", RejectReason.NO_ASSIGNED_USER);
    }

    @Test
    void mondooFixtureRowsGiveOneDeviceAndOneUnassigned() throws Exception {
        String body =
                KandjiSamples.member("synthetic/mondoo_iru_client_fixtures.json", "/api/v1/devices?limit=300&offset=0");

        List<Normalization> results = listing(body);

        MdmDevice laptop = device(results.get(0));
        assertEquals("d1", laptop.deviceId());
        assertEquals("SN1", laptop.serial().orElseThrow().value());
        assertEquals("ada@example.com", laptop.user().email().value());
        assertEquals("u1", laptop.user().vendorUserId());
        assertFalse(laptop.user().archived(), "a user without is_archived is not archived");
        assertEquals(Optional.of(Instant.parse("2026-07-22T18:07:24.422285Z")), laptop.lastCheckIn());
        assertRejected(results.get(1), "d2", RejectReason.NO_ASSIGNED_USER);
    }

    private List<Normalization> listing(String body) throws KandjiDataException {
        return KandjiListingPage.parse(body).rows().stream()
                .map(this::normalizeRow)
                .toList();
    }

    private Normalization normalizeRow(JsonNode row) {
        return normalizeDevice(KandjiJson.write(row));
    }

    private Normalization normalizeDevice(String json) {
        return normalizer.normalize(new RawRecord(RawRecord.Kind.DEVICE, "", json, Instant.EPOCH));
    }

    private static Normalization single(List<Normalization> results) {
        assertEquals(1, results.size());
        return results.get(0);
    }

    private static MdmDevice device(Normalization result) {
        return assertInstanceOf(Normalization.Device.class, result, () -> "expected a device: " + result)
                .device();
    }

    private static void assertRejected(Normalization result, String deviceId, RejectReason reason) {
        Normalization.Rejected rejected = assertInstanceOf(Normalization.Rejected.class, result);
        assertEquals(reason, rejected.reason(), rejected.message());
        assertEquals(deviceId, rejected.deviceId());
    }
}
