package com.pult.mdm.it.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rows and details are shaped exactly like the bundled Kandji samples and parse with the same consumer code. */
class DeviceShapesTest {
    private static final String TOKEN = "shape-test-token";
    private KandjiSimulator sim;
    private SimHttp http;

    @BeforeEach
    void start() {
        sim = KandjiSimulator.start(SimulatorConfig.builder()
                .fleet(Fleet.generated(400, 11))
                .token(TOKEN)
                .rateLimit(RateLimitConfig.off())
                .build());
        http = new SimHttp(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private SimDevice device(Predicate<SimDevice> p) {
        return sim.fleet().devices().stream().filter(p).findFirst().orElseThrow();
    }

    private static Predicate<SimDevice> healthy(Platform platform) {
        return d -> d.platform() == platform
                && d.user().filter(u -> !u.archived() && u.legacyId() == null).isPresent()
                && d.macAddress().isPresent() == (platform != Platform.WINDOWS)
                && !d.erased()
                && d.mdmEnabled()
                && d.lastCheckIn().isPresent();
    }

    private JsonNode details(SimDevice d) throws Exception {
        return http.getJson("/api/v1/devices/" + d.deviceId() + "/details", TOKEN);
    }

    private JsonNode row(SimDevice d) throws Exception {
        return http.getJson("/api/v1/devices/" + d.deviceId(), TOKEN);
    }

    @Test
    void appleRowHasExactlyTheShapeOfTheOfficialListSample() throws Exception {
        JsonNode sample = Json.sample("official-docs/list_devices_mac.json").get(0);
        assertEquals(JsonShape.of(sample), JsonShape.of(row(device(healthy(Platform.MAC)))));
        assertEquals(JsonShape.of(sample), JsonShape.of(row(device(healthy(Platform.IPHONE)))));
    }

    @Test
    void windowsAndAndroidRowsHaveTheIruSampleShape() throws Exception {
        JsonNode win = Json.sample("official-docs-iru-2026/get_device_windows.json");
        JsonNode android = Json.sample("official-docs-iru-2026/get_device_android.json");
        assertEquals(JsonShape.of(win), JsonShape.of(row(device(healthy(Platform.WINDOWS)))));
        assertEquals(JsonShape.of(android), JsonShape.of(row(device(healthy(Platform.ANDROID)))));
    }

    @Test
    void macDetailsHaveTheShapeOfTheMacSample() throws Exception {
        JsonNode sample = Json.sample("official-docs/device_details_mac.json");
        assertEquals(JsonShape.of(sample), JsonShape.of(details(device(healthy(Platform.MAC)))));
    }

    @Test
    void iphoneAndIpadDetailsHaveTheShapeOfTheIpadSample() throws Exception {
        JsonNode sample = Json.sample("official-docs/device_details_ipad.json");
        assertEquals(JsonShape.of(sample), JsonShape.of(details(device(healthy(Platform.IPAD)))));
        assertEquals(JsonShape.of(sample), JsonShape.of(details(device(healthy(Platform.IPHONE)))));
    }

    @Test
    void appleTvDetailsHaveEmptyNetworkAndEmptyStringUser() throws Exception {
        JsonNode sample = Json.sample("official-docs/device_details_appletv.json");
        JsonNode body = details(device(d -> d.platform() == Platform.APPLE_TV && !d.erased()));
        assertEquals(JsonShape.of(sample), JsonShape.of(body));
        assertEquals(0, body.get("network").size());
        assertEquals("", body.path("general").get("assigned_user").asText());
    }

    @Test
    void windowsDetailsHaveNoMacAndCarryTheWifiIpv4Address() throws Exception {
        SimDevice d = device(healthy(Platform.WINDOWS));
        JsonNode body = details(d);
        assertEquals(
                JsonShape.of(Json.sample("official-docs-iru-2026/device_details_windows.json")), JsonShape.of(body));
        ConsumerParser.Details parsed = ConsumerParser.details(body);
        assertNull(parsed.mac());
        assertEquals(d.ipAddress(), parsed.ip());
        assertEquals(d.serialNumber(), parsed.serial());
        assertTrue(body.path("kandji_agent").get("is_agent_installed").isBoolean());
    }

    @Test
    void androidDetailsCarryWifiMacInHardwareAndNullAssignedUser() throws Exception {
        SimDevice d = device(healthy(Platform.ANDROID));
        JsonNode body = details(d);
        assertEquals(
                JsonShape.of(Json.sample("official-docs-iru-2026/device_details_android.json")), JsonShape.of(body));
        assertTrue(body.path("general").get("assigned_user").isNull());
        assertEquals(d.macAddress().orElseThrow(), ConsumerParser.details(body).mac());
    }

    @Test
    void macDetailsParseLikeTheSampleWithStringBooleansMacAndIp() throws Exception {
        ConsumerParser.Details sample = ConsumerParser.details(Json.sample("official-docs/device_details_mac.json"));
        assertEquals(Boolean.TRUE, sample.mdmEnabled());
        SimDevice d = device(healthy(Platform.MAC));
        ConsumerParser.Details parsed = ConsumerParser.details(details(d));
        assertEquals(Boolean.TRUE, parsed.mdmEnabled());
        assertEquals(d.macAddress().orElseThrow(), parsed.mac());
        assertEquals(d.ipAddress(), parsed.ip());
        assertEquals(d.serialNumber(), parsed.serial());
        assertEquals(d.user().orElseThrow().email(), parsed.assignedEmail());
    }

    @Test
    void detailsUseTheFourTimestampSpellings() throws Exception {
        JsonNode body = details(device(d -> healthy(Platform.MAC).test(d) && d.agentInstalled()));
        assertTrue(body.path("general")
                .get("first_enrollment")
                .asText()
                .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?\\+00:00"));
        assertTrue(body.path("kandji_agent")
                .get("install_date")
                .asText()
                .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\+00:00"));
        assertTrue(body.path("kandji_agent")
                .get("last_check_in")
                .asText()
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?Z"));
        assertTrue(body.path("installed_profiles")
                .get(0)
                .get("install_date")
                .asText()
                .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\+0000"));
        assertNotNull(ConsumerParser.time(
                body.path("installed_profiles").get(0).get("install_date").asText()));
    }

    @Test
    void unassignedDeviceRowHasEmptyStringUser() throws Exception {
        SimDevice d = device(x -> x.user().isEmpty() && x.platform() == Platform.MAC);
        JsonNode row = row(d);
        assertTrue(row.get("user").isTextual());
        assertEquals("", row.get("user").asText());
        assertNull(ConsumerParser.row(row).userEmail());
        assertEquals("", details(d).path("general").get("assigned_user").asText());
    }

    @Test
    void rowMdmEnabledIsJsonBooleanWhileDetailsSayFalseAsString() throws Exception {
        SimDevice d = device(x -> !x.mdmEnabled() && x.platform().isApple());
        assertFalse(row(d).get("mdm_enabled").booleanValue());
        assertEquals("False", details(d).path("mdm").get("mdm_enabled").asText());
    }

    @Test
    void neverCheckedInDeviceShowsEmptyLastCheckIn() throws Exception {
        SimDevice d = device(x -> x.lastCheckIn().isEmpty());
        assertEquals("", row(d).get("last_check_in").asText());
        assertNull(ConsumerParser.row(row(d)).lastCheckIn());
    }

    @Test
    void offsetStyleCheckInParsesToTheSameInstant() throws Exception {
        SimDevice d = device(x -> x.offsetCheckInStyle() && x.lastCheckIn().isPresent());
        String text = row(d).get("last_check_in").asText();
        assertTrue(text.endsWith("+00:00"), text);
        assertEquals(d.lastCheckIn().orElseThrow(), ConsumerParser.time(text));
    }

    @Test
    void nonAsciiDeviceNamesSurviveUtf8() throws Exception {
        SimDevice d = device(x -> x.deviceName().contains("’"));
        assertEquals(d.deviceName(), row(d).get("device_name").asText());
    }

    @Test
    void getDeviceReturnsTheSameRowAsTheList() throws Exception {
        SimDevice d = sim.fleet().devices().get(3);
        JsonNode page = http.getJson("/api/v1/devices?limit=10", TOKEN);
        assertEquals(page.get(3), row(d));
    }

    @Test
    void unknownDeviceIdAnswers404NotFoundOnGetAndDetails() throws Exception {
        for (String path : List.of("/api/v1/devices/nope", "/api/v1/devices/nope/details")) {
            HttpResponse<String> r = http.get(path, TOKEN);
            assertEquals(404, r.statusCode());
            assertEquals("{\"detail\":\"Not found.\"}", r.body());
        }
    }

    @Test
    void everyBundledSampleAndEverySimulatedBodyParseWithTheSameConsumerCode() throws Exception {
        for (String s : List.of(
                "official-docs/device_details_mac.json",
                "official-docs/device_details_ipad.json",
                "official-docs/device_details_appletv.json",
                "official-docs-iru-2026/device_details_windows.json",
                "official-docs-iru-2026/device_details_android.json")) {
            assertNotNull(ConsumerParser.details(Json.sample(s)).deviceId());
        }
        assertNotNull(ConsumerParser.details(Json.sample("recorded-live/jupiterone_device_details_mac_2023.json")
                        .path("response")
                        .path("body"))
                .mac());
        Json.sample("official-docs/list_devices_mac.json").forEach(ConsumerParser::row);
        ConsumerParser.row(Json.sample("official-docs/get_device_mac.json"));
        assertNull(ConsumerParser.row(Json.sample("official-docs/get_device_ipad_last_check_in_empty.json"))
                .lastCheckIn());
        ConsumerParser.row(Json.sample("recorded-live/jupiterone_list_devices_page1_2023.json")
                .path("response")
                .path("body")
                .get(0));
        for (SimDevice d : sim.fleet().devices()) {
            ConsumerParser.row(row(d));
            ConsumerParser.details(details(d));
        }
    }

    @Test
    void officialListSamplesLoadedAsFixtureAreServedBackUnchanged() throws Exception {
        for (String s : List.of(
                "official-docs/list_devices_mac.json",
                "official-docs/list_devices_iphone_user_empty_string.json",
                "official-docs/list_devices_ipad_user_empty_string.json")) {
            JsonNode sample = Json.sample(s);
            sim.fleet().addAll(FleetFixtures.read(sample));
            for (JsonNode expected : sample) {
                assertEquals(
                        expected,
                        row(sim.fleet().find(expected.get("device_id").asText()).orElseThrow()));
            }
        }
    }

    @Test
    void iruSampleRowsLoadedAsFixtureAreServedBackUnchanged() throws Exception {
        for (String s : List.of(
                "official-docs-iru-2026/get_device_windows.json", "official-docs-iru-2026/get_device_android.json")) {
            JsonNode sample = Json.sample(s);
            sim.fleet().addAll(FleetFixtures.read(Json.MAPPER.createArrayNode().add(sample)));
            assertEquals(
                    sample,
                    http.getJson("/api/v1/devices/" + sample.get("device_id").asText(), TOKEN));
        }
    }

    @Test
    void legacyIntegerUserIdIsRenderedAsJsonNumber() throws Exception {
        JsonNode legacy = Json.sample("recorded-live/jupiterone_list_devices_page1_2023.json")
                .path("response")
                .path("body");
        sim.fleet().addAll(FleetFixtures.read(legacy));
        JsonNode row =
                http.getJson("/api/v1/devices/" + legacy.get(0).get("device_id").asText(), TOKEN);
        assertTrue(row.path("user").get("id").isInt());
        assertEquals("jane.doe@example.com", ConsumerParser.row(row).userEmail());
    }
}
