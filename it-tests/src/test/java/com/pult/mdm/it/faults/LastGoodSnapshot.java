package com.pult.mdm.it.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.pult.mdm.host.PultHost;
import com.pult.mdm.host.match.DeviceMatch;
import com.pult.mdm.host.match.MatchIndex;
import com.pult.mdm.host.store.StoredDevice;
import com.pult.mdm.it.admin.AdminApi;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The active devices of one integration after a good sync, and the checks that a host still serves them: each one
 * still stored and active with the same serial and WiFi MAC, found by serial and by MAC in the match index, and a
 * sample of them through the admin API's lookups.
 */
final class LastGoodSnapshot {

    /** How many devices are also looked up over HTTP, by serial and by MAC. */
    private static final int HTTP_SAMPLE = 10;

    private final String orgId;
    private final String integrationId;
    private final Map<String, Identity> devices;

    /** What a device is found by. */
    record Identity(Optional<String> serial, Optional<String> wifiMac) {}

    private LastGoodSnapshot(String orgId, String integrationId, Map<String, Identity> devices) {
        this.orgId = orgId;
        this.integrationId = integrationId;
        this.devices = devices;
    }

    /** The integration's active devices now. */
    static LastGoodSnapshot take(PultHost host, String orgId, String integrationId) throws Exception {
        return new LastGoodSnapshot(orgId, integrationId, active(host, integrationId));
    }

    /**
     * The integration's active devices as the admin API's device inspector lists them, for a host in another
     * process.
     */
    static LastGoodSnapshot overHttp(AdminApi api, String orgId, String integrationId) throws Exception {
        Map<String, Identity> devices = new TreeMap<>();
        for (int page = 0; ; page++) {
            AdminApi.Answer answer = api.get("/api/v1/inspector/devices?size=500&page=" + page);
            assertEquals(200, answer.status(), answer.body());
            JsonNode items = answer.json().path("items");
            for (JsonNode item : items) {
                if (item.path("integrationId").asText().equals(integrationId)) {
                    devices.put(
                            item.path("deviceId").asText(),
                            new Identity(text(item.path("serial")), text(item.path("wifiMac"))));
                }
            }
            if (items.size() < 500) {
                return new LastGoodSnapshot(orgId, integrationId, devices);
            }
        }
    }

    private static Optional<String> text(JsonNode value) {
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static Map<String, Identity> active(PultHost host, String integrationId) throws Exception {
        return host.services().devices().devicesOfIntegration(integrationId).stream()
                .filter(StoredDevice::isActive)
                .collect(Collectors.toMap(
                        StoredDevice::deviceId,
                        device -> new Identity(device.serial(), device.wifiMac()),
                        (a, b) -> a,
                        TreeMap::new));
    }

    /** The device ids of the snapshot. */
    Set<String> deviceIds() {
        return devices.keySet();
    }

    /** This snapshot without some devices, for checks after they were rightly removed. */
    LastGoodSnapshot without(Set<String> deviceIds) {
        Map<String, Identity> kept = new TreeMap<>(devices);
        kept.keySet().removeAll(deviceIds);
        return new LastGoodSnapshot(orgId, integrationId, kept);
    }

    int size() {
        return devices.size();
    }

    /** Asserts another snapshot holds exactly the same devices, by id, serial and WiFi MAC. */
    void assertSameAs(LastGoodSnapshot other) {
        assertEquals(devices, other.devices);
    }

    /** Asserts the host holds exactly this snapshot (no device added, lost or changed) and serves it. */
    void assertServedUnchanged(PultHost host, AdminApi api) throws Exception {
        assertEquals(devices, active(host, integrationId), "the active devices of the last good sync");
        assertStillServed(host, api);
    }

    /**
     * Asserts every device of this snapshot is still active with the same serial and MAC and answers lookups by
     * both, in the index and over HTTP, and that the host reports itself ready. Devices added since may exist.
     */
    void assertStillServed(PultHost host, AdminApi api) throws Exception {
        Map<String, Identity> now = active(host, integrationId);
        for (Map.Entry<String, Identity> device : devices.entrySet()) {
            assertEquals(device.getValue(), now.get(device.getKey()), "device " + device.getKey());
        }
        MatchIndex index = host.services().indexes().of(orgId);
        List<String> bySerial = uniquely(Identity::serial);
        List<String> byMac = uniquely(Identity::wifiMac);
        assertTrue(bySerial.size() > devices.size() / 2, "most devices have a serial of their own");
        assertTrue(byMac.size() > devices.size() / 2, "most devices have a WiFi MAC of their own");
        for (String deviceId : bySerial) {
            assertMatches(index.bySerial(devices.get(deviceId).serial().orElseThrow()), deviceId);
        }
        for (String deviceId : byMac) {
            assertMatches(index.byMac(devices.get(deviceId).wifiMac().orElseThrow()), deviceId);
        }
        for (String deviceId : bySerial.subList(0, HTTP_SAMPLE)) {
            assertFoundOverHttp(
                    api,
                    "/api/v1/lookups/serial/" + devices.get(deviceId).serial().orElseThrow(),
                    deviceId);
        }
        for (String deviceId : byMac.subList(0, HTTP_SAMPLE)) {
            assertFoundOverHttp(
                    api,
                    "/api/v1/lookups/mac/" + devices.get(deviceId).wifiMac().orElseThrow(),
                    deviceId);
        }
        api.assertReady();
    }

    /** The devices whose value of {@code key} no other device of the snapshot shares. */
    private List<String> uniquely(Function<Identity, Optional<String>> key) {
        Map<String, Long> counts = devices.values().stream()
                .flatMap(identity -> key.apply(identity).stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return devices.entrySet().stream()
                .filter(device -> key.apply(device.getValue())
                        .map(value -> counts.get(value) == 1)
                        .orElse(false))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static void assertMatches(DeviceMatch match, String deviceId) {
        assertTrue(match.matched(), match.explanation());
        assertEquals(deviceId, match.device().orElseThrow().deviceId());
    }

    private static void assertFoundOverHttp(AdminApi api, String path, String deviceId) throws Exception {
        AdminApi.Answer answer = api.get(path);
        assertEquals(200, answer.status(), answer.body());
        JsonNode device = answer.json().path("device");
        assertEquals(deviceId, device.path("deviceId").asText(), answer.body());
    }
}
